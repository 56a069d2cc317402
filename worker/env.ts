/** The Worker's bindings and secrets, as configured in wrangler.jsonc and .dev.vars. */
import type { Job } from './jobs/outbox';
import type { CoachBooking } from './live/coach-booking';
import type { SessionRoom } from './live/session-room';

/** Bindings and secrets; only `routes/` and the entry point read these. */
export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  SESSION_ROOM: DurableObjectNamespace<SessionRoom>;
  /** One CoachBooking object per coach (`idFromName(coachId)`): every new session of that coach is checked and inserted there. */
  COACH_BOOKING: DurableObjectNamespace<CoachBooking>;
  /** The outbox queue (calendar writes, mails); its dead-letter queue keeps what ran out of retries. */
  OUTBOX: Queue<Job>;
  /** `"true"` only in local development (.dev.vars) and tests: enables dev login and /demo. */
  DEV_LOGIN?: string;
  /** Public base URL used in links (coachee pages, iCalendar feed), e.g. `http://localhost:8787`. */
  PUBLIC_URL?: string;
  /** HMAC secret for our short-lived bearer tokens. */
  AUTH_SECRET: string;
  /** HMAC secret for coachee capability links. */
  LINK_SECRET: string;
  /** AES-GCM keys for data at rest: `kid:base64key[,kid:base64key…]`, the first one encrypts. */
  NOTES_KEYS: string;
}

/** Hono generics for every sub-app. */
export type AppEnv = { Bindings: Env; Variables: { coachId: string } };
