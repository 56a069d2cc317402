/** The Worker's bindings and secrets: what `wrangler types` generates from wrangler.jsonc (worker/worker-configuration.d.ts), narrowed, plus the optional settings. */
import type { Job } from './jobs/outbox';

declare global {
  namespace Cloudflare {
    /**
     * Bindings, vars and required secrets come from `npm run types` (wrangler types); what follows narrows them and adds the
     * optional host and provider settings, which wrangler cannot know about (a host whose settings are missing is off).
     * @see https://developers.cloudflare.com/workers/languages/typescript/#generate-types
     */
    interface Env {
      /** The outbox queue (calendar writes, mails); its dead-letter queue keeps what ran out of retries. */
      OUTBOX: Queue<Job>;
      /**
       * Cloudflare Email Service (`send_email` binding); used when MAIL_TRANSPORT is `cloudflare`. Locally wrangler simulates
       * it by writing each message to a file and logging its path.
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
      DO_JURISDICTION: DurableObjectJurisdiction | '';
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
       * Which Microsoft accounts may sign in on the web (`/auth/microsoft/start`): `common` (default: work, school and personal),
       * `organizations`, `consumers` or one tenant id. @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols#endpoints
       */
      MS_SIGN_IN_AUDIENCE?: string;
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
  }
}

/**
 * Bindings and secrets; only `routes/` and the entry point read these. `PUBLIC_URL` is the absolute base URL of links we hand
 * out (the outbox writes no invite without it); `AUTH_SECRET`/`LINK_SECRET` key our tokens and coachee links; `NOTES_KEYS`
 * (`kid:base64key[,…]`, the first encrypts) seal notes and credentials at rest.
 */
export type Env = Cloudflare.Env;

/** Hono generics for every sub-app. */
export type AppEnv = { Bindings: Env; Variables: { coachId: string } };
