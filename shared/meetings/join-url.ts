/** Meeting join links reduced to what identifies the meeting, so a link from a calendar event and one from a host match. */

/** The hosts a panel runs in; `browser` is the plain panel beside a meeting in any of them. */
export const MEETING_HOSTS = ['meet', 'teams', 'zoom', 'browser'] as const;
export type MeetingHostName = (typeof MEETING_HOSTS)[number];

/** Zoom's join path: `/j/<meeting number>` (also `/w/` for webinars and `/my/<vanity>` for personal rooms). */
const ZOOM_JOIN = /^\/(?:j|w|s|wc\/join|wc)\/(\d{9,12})\b/;
/** Meet's meeting code in the path: `abc-defg-hij`. */
const MEET_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})\b/;
/** Teams' short join link (the default since early 2026): `/meet/<numeric meeting id>?p=<passcode>`. */
const TEAMS_SHORT = /^\/meet\/(\d{6,20})\b/;
/** Teams' older join link: `/l/meetup-join/<url-encoded chat thread>/0?context=…`. */
const TEAMS_THREAD = /^\/l\/meetup-join\/([^/]+)/;

/**
 * The key of a join link: host name plus the part of the path that names the meeting, without passcodes, tracking or
 * locale parameters, lower-cased and without `www.`; Zoom's vanity subdomains (`us02web.zoom.us`) become `zoom.us`.
 * Null when `url` is not an absolute http(s) URL. Two links of one meeting give the same key.
 * @see https://support.microsoft.com/office/join-a-microsoft-teams-meeting-by-id-5bf5d3a9-ee19-44b0-8d7b-e7d5e1f2e1b2
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId} (join_url)
 */
export function joinUrlKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname;
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) {
    const number = ZOOM_JOIN.exec(path)?.[1];
    if (number) return `zoom.us/j/${number}`;
  }
  if (host === 'meet.google.com') {
    const code = MEET_CODE.exec(path.toLowerCase())?.[1];
    if (code) return `meet.google.com/${code}`;
  }
  if (host === 'teams.microsoft.com' || host === 'teams.live.com') {
    const short = TEAMS_SHORT.exec(path)?.[1];
    if (short) return `${host}/meet/${short}`;
    const thread = teamsThreadOf(url);
    if (thread) return `${host}/l/meetup-join/${thread}`;
  }
  return `${host}${path.replace(/\/+$/, '')}`;
}

/** The chat thread (`19:meeting_…@thread.v2`) an older Teams join link carries; null for short links, which carry none. */
export function teamsThreadOf(url: string): string | null {
  try {
    const encoded = TEAMS_THREAD.exec(new URL(url).pathname)?.[1];
    return encoded ? decodeURIComponent(encoded) : null;
  } catch {
    return null;
  }
}

/** Meet's meeting code in a Meet link, or null. */
export function meetCodeOf(url: string): string | null {
  const key = joinUrlKey(url);
  return key?.startsWith('meet.google.com/') ? key.slice('meet.google.com/'.length) : null;
}
