import type { IdentityChain } from '@/lib/data-sources/identity-chain';

/**
 * Before a run: the order the sources are searched in when some are found through identities
 * others yield (the shop's customer number for the CRM), and the sources that cannot be searched
 * (nothing yields what they are searched by, or they wait for each other in a loop).
 * Says nothing when every source is searched by the request's own email or account id.
 */
export function IdentityChainNotice({ chain }: { chain: IdentityChain }) {
  const isLinked = chain.links.some((link) => link.waitsFor.length > 0 || link.yields.length > 0);
  const problems = chain.links.filter((link) => link.blocked || link.missing.length > 0);
  if (!isLinked && problems.length === 0) return null;
  const nameOf = (sourceId: string) => chain.links.find((link) => link.sourceId === sourceId)?.name ?? sourceId;
  return (
    <div className="identity-chain" data-testid="identity-chain">
      <h3>How the person is found across sources</h3>
      <ol aria-label="Search order">
        {chain.links.map((link) => (
          <li key={link.sourceId}>
            {link.name}: searched by {link.searchedBy.join(', ') || 'nothing'}
            {link.waitsFor.length > 0 ? <> (after {link.waitsFor.map(nameOf).join(', ')})</> : null}
            {link.yields.length > 0 ? <>; finds {link.yields.join(', ')} for the sources after it</> : null}
          </li>
        ))}
      </ol>
      {problems.length > 0 ? (
        <div role="alert" className="notice notice-warning">
          <p>Fix these before a run: an admin edits the sources&apos; maps under Settings → Data sources.</p>
          <ul>
            {problems.map((link) => (
              <li key={link.sourceId}>
                {link.blocked
                  ? `${link.name} cannot be searched. ${link.blocked}.`
                  : `${link.name}: no source finds ${link.missing.join(' or ')}, so the tables matched by it will find nothing.`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
