/** Google Identity Services for the Meet panel: the calls we make, and loading its client script (allowed by the Meet shell's CSP). */

/**
 * The client script; the Meet page's CSP allows exactly this script, with GIS's own frames, styles and requests under
 * `https://accounts.google.com/gsi/` (worker/routes/pages.ts).
 * @see https://developers.google.com/identity/gsi/web/guides/get-google-api-clientid#content_security_policy
 */
export const GIS_CLIENT_URL = 'https://accounts.google.com/gsi/client';

/** What GIS hands the callback: `credential` is the Google ID token. */
export type GoogleCredential = { credential: string };

/** The `google.accounts.id` calls the Meet panel makes. @see https://developers.google.com/identity/gsi/web/reference/js-reference */
export interface GoogleIdentity {
  initialize(config: {
    client_id: string;
    callback(response: GoogleCredential): void;
    auto_select?: boolean;
    use_fedcm_for_prompt?: boolean;
    /** `popup`: the button's account chooser opens in its own top-level window, which works with third-party cookies blocked. */
    ux_mode?: 'popup' | 'redirect';
  }): void;
  prompt(): void;
  /** Draws "Sign in with Google" (defaults: outline, large, "Sign in with Google" in the browser's language). */
  renderButton(parent: HTMLElement, options: { type: 'standard' }): void;
}

type WithGoogle = Window & { google?: { accounts: { id: GoogleIdentity } } };

/** The GIS client, loaded once (again after a failed load); rejects with a `TypeError` (read as "offline") when the script cannot load. */
export function loadGoogleIdentity(win: WithGoogle): Promise<GoogleIdentity> {
  const loaded = win.google?.accounts.id;
  return loaded ? Promise.resolve(loaded) : new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = GIS_CLIENT_URL;
    script.async = true;
    script.onload = () => resolve(win.google?.accounts.id as GoogleIdentity);
    script.onerror = () => reject(new TypeError('GIS'));
    win.document.head.append(script);
  });
}
