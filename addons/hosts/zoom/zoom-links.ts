/** Zoom's embedded browser opens new windows only through the SDK: links with `target=_blank` go to `host.openExternal` (`zoomSdk.openUrl`). */
import type { HostPort } from '../host-port';

/**
 * Sends clicks on http(s) links that open a new window (coachee link, meeting link, referral chat) to the host.
 * @see https://appssdk.zoom.us/classes/ZoomSdk.ZoomSdk.html#openUrl
 */
export function openLinksThroughHost(host: Pick<HostPort, 'openExternal'>, doc: Document): void {
  doc.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[target=_blank]') : null;
    if (link instanceof HTMLAnchorElement && /^https?:/.test(link.href)) {
      e.preventDefault();
      host.openExternal(link.href);
    }
  });
}
