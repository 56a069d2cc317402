-- OAuth authorization code flows in progress (web sign-in and connecting a calendar or Zoom), and grants that need the coach.
-- A row is found by the SHA-256 of what travels in a URL (the state, or a connect link's code), so a copy of this table opens
-- no flow; it is removed when used (single use: a replayed state finds nothing) and cron removes expired ones.
-- purpose 'sign-in': top-level sign-in, coach unknown (coach_id NULL); 'connect-link': the link POST /api/me/calendar/connect
-- answers, not yet opened; 'connect': consent under way for coach_id. browser_hash: SHA-256 of the cookie that binds the flow to
-- the browser that started it. secrets: the PKCE verifier and nonce, sealed (auth/crypto.ts, context oauth:<provider>).
CREATE TABLE oauth_flows (
  key_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'connect-link', 'connect')),
  provider TEXT NOT NULL CHECK (provider IN ('google', 'microsoft', 'zoom')),
  coach_id TEXT REFERENCES coaches(id),
  browser_hash TEXT,
  key_id TEXT,
  iv TEXT,
  secrets TEXT,
  expires_at INTEGER NOT NULL
);
CREATE INDEX oauth_flows_by_expiry ON oauth_flows (expires_at);

-- When the provider last refused this connection's grant (revoked, expired, consent withdrawn): the coach is asked to reconnect,
-- and sessions wait as pending until they do. A new generation (reconnect) starts without it.
ALTER TABLE calendar_connections ADD COLUMN reconnect_since INTEGER;

-- Set when the coach disconnected: the grant is revoked at the provider once nothing needs this generation any more (no event
-- or meeting made with it left to delete), then the row goes. dropUnusedRetired leaves such rows to that revocation.
ALTER TABLE calendar_connections ADD COLUMN revoke_requested_at INTEGER;
CREATE INDEX calendar_connections_to_revoke ON calendar_connections (coach_id) WHERE revoke_requested_at IS NOT NULL;
