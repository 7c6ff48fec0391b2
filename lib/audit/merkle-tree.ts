import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 Merkle tree hashing with domain separation: a leaf is sha256(0x00 || data),
 * a node sha256(0x01 || left || right), so a leaf can never pass for a node. Pure.
 */
export function leafHash(data: Buffer): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** The leaf for one audit event: its chain hash (hex) as 32 raw bytes. */
export function eventLeafHash(eventHash: string): string {
  return leafHash(Buffer.from(eventHash, 'hex')).toString('hex');
}

const emptyTreeRoot = createHash('sha256').digest();

/**
 * A Merkle tree that grows one leaf at a time, holding only its frontier: the roots of the
 * perfect subtrees that make up the tree, largest first (one per set bit of the size). Appending
 * is O(log n) and the root is the frontier folded from the right, which is exactly RFC 9162's
 * MTH for any size (the split at the largest power of two below n).
 */
export class MerkleFrontier {
  private subtrees: { size: number; hash: Buffer }[];

  constructor(
    public size = 0,
    frontier: string[] = [],
  ) {
    let remaining = size;
    const sizes: number[] = [];
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
      if (remaining >= bit) {
        sizes.push(bit);
        remaining -= bit;
      }
    }
    if (sizes.length !== frontier.length)
      throw new Error(`a tree of ${size} leaves has ${sizes.length} frontier hashes, not ${frontier.length}`);
    this.subtrees = sizes.map((subtreeSize, index) => ({ size: subtreeSize, hash: Buffer.from(frontier[index]!, 'hex') }));
  }

  append(leafHashHex: string): void {
    let merged: { size: number; hash: Buffer } = { size: 1, hash: Buffer.from(leafHashHex, 'hex') };
    while (this.subtrees.length > 0 && this.subtrees.at(-1)!.size === merged.size) {
      const left = this.subtrees.pop()!;
      merged = { size: left.size * 2, hash: nodeHash(left.hash, merged.hash) };
    }
    this.subtrees.push(merged);
    this.size += 1;
  }

  root(): string {
    if (this.subtrees.length === 0) return emptyTreeRoot.toString('hex');
    let hash = this.subtrees.at(-1)!.hash;
    for (let index = this.subtrees.length - 2; index >= 0; index -= 1) hash = nodeHash(this.subtrees[index]!.hash, hash);
    return hash.toString('hex');
  }

  frontier(): string[] {
    return this.subtrees.map((subtree) => subtree.hash.toString('hex'));
  }
}

/** RFC 9162's MTH computed directly from all leaves (recursive split): the reference the frontier is tested against. */
export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return emptyTreeRoot;
  if (leaves.length === 1) return leaves[0]!;
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return nodeHash(merkleRoot(leaves.slice(0, split)), merkleRoot(leaves.slice(split)));
}
