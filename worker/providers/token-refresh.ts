/** OAuth access-token upkeep for the remote adapters: refresh before expiry or after a 401, one refresh at a time. */
import { ProviderError, type Credentials, type RemoteDeps } from './types';

/** Tokens closer than this to `expiresAtMs` are refreshed before use. */
const EXPIRY_SKEW_MS = 60_000;

export interface TokenRefresher {
  /** A token to send now; refreshes first when the stored one is (about to be) expired and a refresh is possible. */
  accessToken(): Promise<string>;
  /** The vendor rejected `rejected` (HTTP 401): returns a newer token, refreshing unless someone already did. */
  refreshRejected(rejected: string): Promise<string>;
  /** Whether a refresh can be attempted at all (a refresh callback and a refresh token). */
  canRefresh(): boolean;
}

/**
 * Builds the token helper for one adapter instance. Concurrent calls on that instance share one in-flight refresh, so the
 * refresh callback and `saveToken` run once per refresh however many of its calls hit a 401 together. A refresh response
 * without a refresh token keeps the old one (Google does not rotate it; Microsoft and Zoom do).
 * Dedupe is per instance only, and an instance lives for one request or one queue job (services/calendar-connection.ts builds
 * a fresh one each time). Refreshes of the same connection in different requests or jobs are not coordinated: both ask the
 * vendor; `saveToken` there is a compare-and-set, so the first store wins and a later one that read older credentials stores
 * nothing (it keeps its own valid token for its calls). With a rotating vendor the loser's refresh can be refused
 * (`invalid_grant`), and the caller's refresh (`refreshOrAdopt` there) then takes the credentials the winner stored in the same
 * connection generation. That is acceptable because refreshes are rare (about once an hour per connection) and a lost race
 * costs at most one failed call, never the connection.
 * @see https://datatracker.ietf.org/doc/html/rfc6749#section-6
 */
export function createTokenRefresher(provider: string, deps: Pick<RemoteDeps, 'credentials' | 'saveToken' | 'refresh' | 'now'>): TokenRefresher {
  const now = deps.now ?? Date.now;
  let credentials: Credentials = { ...deps.credentials };
  let inflight: Promise<Credentials> | null = null;

  const canRefresh = () => deps.refresh !== undefined && credentials.refreshToken !== undefined;

  async function run(): Promise<Credentials> {
    const refresh = deps.refresh;
    if (!refresh || credentials.refreshToken === undefined) {
      throw new ProviderError(provider, 'auth', 'access token rejected or expired and no refresh is possible');
    }
    let next: Credentials;
    try {
      next = await refresh({ ...credentials });
    } catch (e) {
      if (e instanceof ProviderError) throw e;
      throw new ProviderError(provider, 'auth', `token refresh failed: ${(e as Error).message}`, { cause: e });
    }
    const merged: Credentials = { ...next, refreshToken: next.refreshToken ?? credentials.refreshToken };
    await deps.saveToken(merged);
    credentials = merged;
    return merged;
  }

  function refreshOnce(): Promise<Credentials> {
    if (!inflight) {
      inflight = run().finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  return {
    canRefresh,
    async accessToken() {
      if (inflight) return (await inflight).accessToken;
      const expiring = credentials.expiresAtMs !== undefined && now() >= credentials.expiresAtMs - EXPIRY_SKEW_MS;
      if (expiring && canRefresh()) return (await refreshOnce()).accessToken;
      return credentials.accessToken;
    },
    async refreshRejected(rejected) {
      if (credentials.accessToken !== rejected) return credentials.accessToken;
      return (await refreshOnce()).accessToken;
    },
  };
}
