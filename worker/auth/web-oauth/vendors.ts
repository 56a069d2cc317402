/** The three OAuth authorities we send coaches to (Google, Microsoft Entra, Zoom): endpoints, our client at each, and the scopes per purpose. */
import type { AuthorizationServer, Client, ClientAuth } from 'oauth4webapi';
import { ClientSecretBasic, ClientSecretPost } from 'oauth4webapi';
import type { Env } from '../../env';
import { GOOGLE_JWKS_URL } from '../host-identity/google';

export type Vendor = 'google' | 'microsoft' | 'zoom';
export const VENDORS: readonly Vendor[] = ['google', 'microsoft', 'zoom'];

/** Google's scopes for a calendar: write events in calendars the coach owns and read free/busy, nothing else. */
export const GOOGLE_CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar.events.owned', 'https://www.googleapis.com/auth/calendar.freebusy'];
/** Microsoft's: a refresh token, who the user is, and their calendar (Teams meetings come with the event, `isOnlineMeeting`). */
export const MICROSOFT_CALENDAR_SCOPES = ['offline_access', 'User.Read', 'Calendars.ReadWrite'];
/** Asked of Microsoft too when the coach meets in Teams: reading an online meeting finds the chat thread of a short join link. */
export const TEAMS_MEETING_SCOPE = 'OnlineMeetings.Read';
/** Zoom's granular scopes for the meetings we book (the app's scopes are set in the Marketplace; Zoom grants those). */
export const ZOOM_MEETING_SCOPES = ['meeting:write:meeting'];

/** Which Entra accounts may sign in: `common` (work, school and personal), `organizations`, `consumers` or one tenant id. */
export const msAuthority = (env: Env) => env.MS_SIGN_IN_AUDIENCE?.trim() || 'common';

/** One authority as oauth4webapi sees it, with our client there and the scopes of sign-in and of connecting. */
export type VendorConfig = {
  vendor: Vendor;
  as: AuthorizationServer;
  client: Client;
  auth: ClientAuth;
  signInScopes: string[];
  connectScopes: string[];
  /** Extra authorization request parameters per purpose. */
  extra: { signIn: Record<string, string>; connect: Record<string, string> };
};

/**
 * Our client at `vendor`, or null when its id and secret are not both set (then its routes answer 404 and /app shows no button).
 * Google and Microsoft take the secret in the form; Zoom takes HTTP Basic. Google gets `access_type=offline` and
 * `include_granted_scopes=true` (incremental authorization: connecting the calendar adds to the sign-in grant) and
 * `prompt=consent` on connect, so a refresh token comes every time.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 * @see https://developers.zoom.us/docs/integrations/oauth/
 */
export function vendorConfig(env: Env, vendor: Vendor): VendorConfig | null {
  if (vendor === 'google') {
    if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
    return {
      vendor,
      as: {
        issuer: 'https://accounts.google.com',
        authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
        token_endpoint: 'https://oauth2.googleapis.com/token',
        revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
        jwks_uri: GOOGLE_JWKS_URL,
      },
      client: { client_id: env.GOOGLE_CLIENT_ID },
      auth: ClientSecretPost(env.GOOGLE_CLIENT_SECRET),
      signInScopes: ['openid', 'email', 'profile'],
      connectScopes: GOOGLE_CALENDAR_SCOPES,
      extra: { signIn: { prompt: 'select_account' }, connect: { access_type: 'offline', include_granted_scopes: 'true', prompt: 'consent' } },
    };
  }
  if (vendor === 'microsoft') {
    if (!env.MS_CLIENT_ID || !env.MS_CLIENT_SECRET) return null;
    const base = `https://login.microsoftonline.com/${encodeURIComponent(msAuthority(env))}`;
    return {
      vendor,
      // The issuer of an ID token names the user's own tenant; it is set from the token's `tid` before the token is checked.
      as: { issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token` },
      client: { client_id: env.MS_CLIENT_ID },
      auth: ClientSecretPost(env.MS_CLIENT_SECRET),
      signInScopes: ['openid', 'email', 'profile'],
      connectScopes: MICROSOFT_CALENDAR_SCOPES,
      extra: { signIn: { prompt: 'select_account' }, connect: {} },
    };
  }
  if (!env.ZOOM_CLIENT_ID || !env.ZOOM_CLIENT_SECRET) return null;
  return {
    vendor,
    as: { issuer: 'https://zoom.us', authorization_endpoint: 'https://zoom.us/oauth/authorize', token_endpoint: 'https://zoom.us/oauth/token', revocation_endpoint: 'https://zoom.us/oauth/revoke' },
    client: { client_id: env.ZOOM_CLIENT_ID },
    auth: ClientSecretBasic(env.ZOOM_CLIENT_SECRET),
    signInScopes: [],
    connectScopes: [],
    extra: { signIn: {}, connect: {} },
  };
}
