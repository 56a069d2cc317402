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
  /**
   * Cloudflare Email Service (`send_email` binding); used when MAIL_TRANSPORT is `cloudflare`. Locally wrangler simulates it
   * by writing each message to a file and logging its path.
   * @see https://developers.cloudflare.com/email-service/api/send-emails/workers-api/
   */
  EMAIL?: SendEmail;
  /** `cloudflare` sends through EMAIL; anything else (the default) is the local mailer: mail lands in D1, read at /dev/mailbox. */
  MAIL_TRANSPORT?: string;
  /** Sender address (a domain onboarded to Email Sending) and display name of between-session mail. */
  MAIL_FROM?: string;
  /** See MAIL_FROM. */
  MAIL_FROM_NAME?: string;
  /** `"true"` only in local development (.dev.vars) and tests: enables dev login and /demo. */
  DEV_LOGIN?: string;
  /** Jurisdiction for Durable Objects ("eu" in production, see wrangler.jsonc); empty locally, where workerd has none. */
  DO_JURISDICTION?: DurableObjectJurisdiction | '';
  /**
   * Public base URL used in links (coachee pages, iCalendar feed), e.g. `http://localhost:8787`. Must be an absolute http(s) URL
   * for the outbox to write invites (jobs have no request to take an origin from); routes fall back to the request's origin.
   */
  PUBLIC_URL?: string;
  /** HMAC secret for our short-lived bearer tokens. */
  AUTH_SECRET: string;
  /** HMAC secret for coachee capability links. */
  LINK_SECRET: string;
  /** AES-GCM keys for data at rest: `kid:base64key[,kid:base64key…]`, the first one encrypts. */
  NOTES_KEYS: string;
  /**
   * Google OAuth client id and secret (a `wrangler secret`), the client the coaches' Google refresh tokens were issued to.
   * Without both, Google access tokens are not refreshed and `PUT /api/me/calendar` refuses a Google `refreshToken` (422).
   * The id alone is also the audience of Google Sign-In ID tokens (`POST /api/auth/google`, which answers 404 without it).
   * @see https://developers.google.com/identity/protocols/oauth2/web-server#offline
   */
  GOOGLE_CLIENT_ID?: string;
  /** Google Cloud project number of the Meet add-on (`createAddonSession({ cloudProjectNumber })`); `/panel/meet` needs it. */
  GOOGLE_CLOUD_PROJECT_NUMBER?: string;
  /** See GOOGLE_CLIENT_ID. */
  GOOGLE_CLIENT_SECRET?: string;
  /**
   * Microsoft Entra app (client) id and client secret, for refreshing Outlook calendar tokens; without both, as for Google.
   * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
   */
  MS_CLIENT_ID?: string;
  /** See MS_CLIENT_ID. */
  MS_CLIENT_SECRET?: string;
  /**
   * Zoom OAuth app client id and secret, for refreshing Zoom tokens (sent as HTTP Basic auth); without both, as for Google.
   * Both also serve Zoom sign-in (`POST /api/auth/zoom`: code exchange and app context decryption; 404 without them).
   * @see https://developers.zoom.us/docs/integrations/oauth/#refreshing-an-access-token
   */
  ZOOM_CLIENT_ID?: string;
  /** See ZOOM_CLIENT_ID. */
  ZOOM_CLIENT_SECRET?: string;
  /**
   * Google Workspace add-on (HTTP): the add-on service account e-mail (`gcloud workspace-add-ons get-authorization` →
   * `serviceAccountEmail`), the `email` of the system ID token on every request. Without it and GOOGLE_ADDON_CLIENT_ID,
   * `/addons/google/*` answers 404.
   * @see https://developers.google.com/workspace/add-ons/reference/rest/v1/projects/getAuthorization
   */
  GOOGLE_ADDON_SERVICE_ACCOUNT?: string;
  /** The add-on's OAuth client id (`get-authorization` → `oauthClientId`): the audience of `authorizationEventObject.userIdToken`. */
  GOOGLE_ADDON_CLIENT_ID?: string;
  /**
   * Entra app (client) id for Teams SSO: the audience of the tokens `POST /api/auth/teams` accepts; unset, that route answers 404.
   * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
   */
  TEAMS_CLIENT_ID?: string;
  /** The app's Application ID URI (`api://<fqdn>/<clientId>`), the audience of v1.0 tokens; both audiences are accepted. */
  TEAMS_APP_ID_URI?: string;
  /** Entra tenant ids allowed to sign in through Teams, comma-separated; empty = any tenant. */
  TEAMS_ALLOWED_TENANTS?: string;
}

/** Hono generics for every sub-app. */
export type AppEnv = { Bindings: Env; Variables: { coachId: string } };
