import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leafHash, MerkleFrontier, merkleRoot, nodeHash } from './merkle-tree';

const leaves = Array.from({ length: 70 }, (_, index) => leafHash(Buffer.from(`event ${index}`)));

describe('the audit log’s Merkle tree (RFC 9162 §2.1.1)', () => {
  it('grows to the same root as the recursive definition at every size from 0 to 70', () => {
    const tree = new MerkleFrontier();
    expect(tree.root()).toBe(createHash('sha256').digest('hex'));
    for (let size = 1; size <= leaves.length; size += 1) {
      tree.append(leaves[size - 1]!.toString('hex'));
      expect(tree.root(), `size ${size}`).toBe(merkleRoot(leaves.slice(0, size)).toString('hex'));
    }
  });

  it('resumes from a stored frontier as if it had never stopped', () => {
    const first = new MerkleFrontier();
    for (const leaf of leaves.slice(0, 37)) first.append(leaf.toString('hex'));
    const resumed = new MerkleFrontier(first.size, first.frontier());
    for (const leaf of leaves.slice(37)) resumed.append(leaf.toString('hex'));
    expect(resumed.root()).toBe(merkleRoot(leaves).toString('hex'));
    expect(() => new MerkleFrontier(37, first.frontier().slice(1))).toThrow('frontier');
  });

  it('separates leaves from nodes, so two leaves never hash like their parent', () => {
    const [a, b] = [Buffer.from('a'), Buffer.from('b')];
    expect(merkleRoot([leafHash(a), leafHash(b)]).equals(nodeHash(leafHash(a), leafHash(b)))).toBe(true);
    expect(leafHash(Buffer.concat([leafHash(a), leafHash(b)])).equals(nodeHash(leafHash(a), leafHash(b)))).toBe(false);
    // The three-leaf tree splits at two (the largest power of two below three), as RFC 9162 defines it.
    const three = [leafHash(a), leafHash(b), leafHash(Buffer.from('c'))];
    expect(merkleRoot(three).equals(nodeHash(nodeHash(three[0]!, three[1]!), three[2]!))).toBe(true);
  });
});
