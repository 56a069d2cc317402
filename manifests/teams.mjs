/** The Microsoft Teams app manifest (schema v1.30): a meeting side-panel tab with SSO, plus its Dutch localization file. */
import { createHash } from 'node:crypto';
import { ACCENT } from './icons.mjs';
import { TEXTS } from './texts.mjs';

/** Newest manifest schema shipped in `@microsoft/app-manifest` (build/json-schemas/teams/v1.30). */
export const TEAMS_SCHEMA_VERSION = '1.30';
const SCHEMA_BASE = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_SCHEMA_VERSION}`;
/** The Dutch strings file inside the app package. */
export const DUTCH_FILE = 'nl-NL.json';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Whether a value is a GUID as the Teams schema writes it. */
export const isGuid = (value) => typeof value === 'string' && GUID.test(value);

/**
 * A name-based (version 5) UUID: the same base URL always gives the same Teams app id, so regenerating the package updates
 * the app instead of creating a second one.
 * @see https://www.rfc-editor.org/rfc/rfc9562#section-5.5
 * @param {string} name
 */
export function uuidV5(name) {
  const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(urlNamespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Teams manifest. One configurable tab in `groupChat` and `team` (channel meetings) that opens in the meeting side panel, meeting chat and meeting
 * details (`configurationUrl` carries `frame=config`; the page saves its content URL with `pages.config`), `validDomains` with
 * our host only, and `webApplicationInfo` for SSO (`api://<host>/<client id>`).
 * @see https://learn.microsoft.com/en-us/microsoft-365/extensibility/schema/?view=m365-app-1.30
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/apps-in-teams-meetings/build-tabs-for-meeting
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-manifest
 * @param {{ base: string, host: string, appId: string, clientId: string, version: string, websiteUrl: string, privacyUrl: string, termsUrl: string }} o
 */
export function teamsManifest(o) {
  const en = TEXTS.en;
  return {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
    manifestVersion: TEAMS_SCHEMA_VERSION,
    version: o.version,
    id: o.appId,
    localizationInfo: {
      defaultLanguageTag: 'en-US',
      additionalLanguages: [{ languageTag: 'nl-NL', file: DUTCH_FILE }],
    },
    developer: { name: en.developer, websiteUrl: o.websiteUrl, privacyUrl: o.privacyUrl, termsOfUseUrl: o.termsUrl },
    name: { short: en.shortName, full: en.fullName },
    description: { short: en.shortDescription, full: en.fullDescription },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    configurableTabs: [
      {
        id: 'coaching-panel',
        configurationUrl: `${o.base}/panel/teams?frame=config`,
        canUpdateConfiguration: false,
        scopes: ['groupChat', 'team'],
        context: ['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab'],
        meetingSurfaces: ['sidePanel'],
      },
    ],
    validDomains: [o.host],
    webApplicationInfo: { id: o.clientId, resource: `api://${o.host}/${o.clientId}` },
    defaultInstallScope: 'meetings',
    defaultGroupCapability: { meetings: 'tab', groupchat: 'tab', team: 'tab' },
  };
}

/**
 * The Dutch strings for the manifest's localizable fields.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-localization
 */
export function teamsDutch() {
  const nl = TEXTS.nl;
  return {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`,
    'name.short': nl.shortName,
    'name.full': nl.fullName,
    'description.short': nl.shortDescription,
    'description.full': nl.fullDescription,
  };
}
