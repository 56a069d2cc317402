/** Who a completed web sign-in is: the ID token verified with jose (Google, Microsoft), or Zoom's user for the access token. */
import type { TokenEndpointResponse } from 'oauth4webapi';
import { verifyGoogleIdToken } from '../host-identity/google';
import { verifyEntraIdToken } from '../host-identity/microsoft';
import { rejected } from '../host-identity/problems';
import type { HostIdentity } from '../host-identity/types';
import { readZoomUser } from '../host-identity/zoom';
import type { VendorConfig } from './vendors';

/**
 * The identity a sign-in proved, with the same linking rules as the host sign-ins: an e-mail only where the vendor is
 * authoritative for it (Gmail or the account's Workspace domain; an Entra member's verified domain; a verified Zoom e-mail).
 * Google and Microsoft sign-ins are the same users as Meet's Google Sign-In and Teams SSO (same subject), Zoom's as the Zoom app.
 */
export function signInIdentity(v: VendorConfig, tokens: TokenEndpointResponse): Promise<HostIdentity> {
  if (v.vendor === 'zoom') return readZoomUser(tokens.access_token);
  if (typeof tokens.id_token !== 'string') throw rejected('idToken', 'the answer carries no ID token');
  return v.vendor === 'google' ? verifyGoogleIdToken(tokens.id_token, v.client.client_id) : verifyEntraIdToken(tokens.id_token, v.client.client_id);
}
