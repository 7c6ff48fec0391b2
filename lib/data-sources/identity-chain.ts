import { type TDataSourceConfig, subjectIdentifiers } from '@/lib/validation/data-source';

/** The identities every search starts from: the request's own email and account id. */
const requestIdentities: readonly string[] = subjectIdentifiers;

export type ChainSource = { id: string; name: string; config: TDataSourceConfig };

/** One source's place in the chain: what it is searched by, what it yields, whom it waits for. */
export type ChainLink = {
  sourceId: string;
  name: string;
  searchedBy: string[];
  yields: string[];
  /** Sources that yield an identity this one is searched by: it runs after all of them. */
  waitsFor: string[];
  /** Identities it is searched by that neither the request nor any source in the run provides: those tables find nothing. */
  missing: string[];
  /** Why it cannot be searched at all (nothing to search it by, a cycle, or waits for such a source); null when it can. */
  blocked: string | null;
};

export type IdentityChain = {
  /** In the order a run searches them: every source after the sources it waits for. */
  links: ChainLink[];
  /** Each loop of sources waiting for each other, by name (A → B → A). */
  cycles: string[][];
};

/**
 * Which identities a source is searched by: its map's directly matched tables (email,
 * account id, or a named identity such as shop_customer_id). Sources without a map
 * (webhooks, checklists, processors) are asked about the request's email and account id.
 */
export function searchedBy(config: TDataSourceConfig): string[] {
  if (!('map' in config)) return [...requestIdentities];
  const identities = config.map.tables.flatMap((table) =>
    'equals' in table.match ? [table.match.equals] : 'identity' in table.match ? [table.match.identity] : [],
  );
  return [...new Set(identities)];
}

export function yieldsOf(config: TDataSourceConfig): string[] {
  return 'map' in config ? [...new Set((config.map.yields ?? []).map((entry) => entry.identity))] : [];
}

/**
 * The order a run searches its sources in so that identities found in one feed the next
 * (a CRM that knows only the shop's customer number is searched after the shop), and what
 * cannot work: sources nothing can search (no source yields what they are searched by),
 * and sources waiting for each other in a loop. Worked out before a run starts, so the
 * request page can show it and the run never stalls halfway.
 */
export function planIdentityChain(sources: ChainSource[]): IdentityChain {
  const links = new Map<string, ChainLink>(
    sources.map((source) => [
      source.id,
      {
        sourceId: source.id,
        name: source.name,
        searchedBy: searchedBy(source.config),
        yields: yieldsOf(source.config),
        waitsFor: [],
        missing: [],
        blocked: null,
      },
    ]),
  );
  for (const link of links.values()) {
    for (const identity of link.searchedBy) {
      if (requestIdentities.includes(identity)) continue;
      const yielders = [...links.values()].filter((other) => other.sourceId !== link.sourceId && other.yields.includes(identity));
      if (yielders.length === 0) link.missing.push(identity);
      for (const yielder of yielders) if (!link.waitsFor.includes(yielder.sourceId)) link.waitsFor.push(yielder.sourceId);
    }
    if (link.searchedBy.length > 0 && link.missing.length === link.searchedBy.length)
      link.blocked = `Nothing can search it: no source in this run finds ${link.missing.join(' or ')}`;
  }

  const cycles = findCycles(links);
  for (const cycle of cycles) {
    for (const id of cycle.slice(0, -1)) {
      const link = links.get(id)!;
      link.blocked ??= `It waits in a loop: ${cycle.map((member) => links.get(member)!.name).join(' → ')}`;
    }
  }

  // Topological order (Kahn's algorithm) over the sources not in a loop; ties keep the given order.
  const ordered: ChainLink[] = [];
  const placed = new Set<string>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const link of links.values()) {
      if (placed.has(link.sourceId)) continue;
      if (!link.waitsFor.every((id) => placed.has(id))) continue;
      const blockedBy = link.waitsFor.map((id) => links.get(id)!).find((other) => other.blocked);
      if (blockedBy && !link.blocked) link.blocked = `It waits for ${blockedBy.name}, which cannot be searched`;
      ordered.push(link);
      placed.add(link.sourceId);
      progressed = true;
    }
  }
  for (const link of links.values()) {
    if (placed.has(link.sourceId)) continue;
    const waitingOn = link.waitsFor.filter((id) => !placed.has(id)).map((id) => links.get(id)!.name);
    link.blocked ??= `It waits for ${waitingOn.join(', ')}, which cannot be searched`;
    ordered.push(link);
  }
  return { links: ordered, cycles: cycles.map((cycle) => cycle.map((id) => links.get(id)!.name)) };
}

/** Every elementary loop found by a depth-first walk, each once (as first met), closed with its first member. */
function findCycles(links: Map<string, ChainLink>): string[][] {
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  const visit = (id: string, path: string[]) => {
    const at = path.indexOf(id);
    if (at >= 0) {
      const cycle = path.slice(at);
      if (!cycle.some((member) => inCycle.has(member))) {
        cycles.push([...cycle, id]);
        for (const member of cycle) inCycle.add(member);
      }
      return;
    }
    for (const next of links.get(id)!.waitsFor) visit(next, [...path, id]);
  };
  for (const id of links.keys()) visit(id, []);
  return cycles;
}
