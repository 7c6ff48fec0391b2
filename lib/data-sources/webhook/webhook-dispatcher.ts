import { Agent, buildConnector, type Dispatcher } from 'undici';
import { assertPublicLiteral, publicOnlyLookup } from '@/lib/network/public-only-lookup';

let publicOnly: Agent | undefined;

/**
 * The HTTP client's connection pool for webhook jobs. Unless private targets are
 * allowed, every connection goes through a connector that refuses a private IP in
 * the URL and resolves names with publicOnlyLookup, so the address checked is the
 * address connected to (no DNS rebinding between a check and the request).
 */
export function webhookDispatcher({ allowPrivateTargets }: { allowPrivateTargets: boolean }): Dispatcher | undefined {
  if (allowPrivateTargets) return undefined;
  publicOnly ??= new Agent({ connect: publicOnlyConnector() });
  return publicOnly;
}

function publicOnlyConnector(): buildConnector.connector {
  const connect = buildConnector({ lookup: publicOnlyLookup } as buildConnector.BuildOptions);
  return (options, callback) => {
    try {
      assertPublicLiteral(options.hostname);
    } catch (error) {
      callback(error as Error, null);
      return;
    }
    connect(options, callback);
  };
}
