/** The Microsoft Teams host: TeamsJS `app.initialize` first, then the context (meeting, theme, locale) and SSO through `getAuthToken`. */
import type { KeyValueStore } from '../../common/ports';
import { candidates, localeOf, sessionParam, themeCell, tokenSlot } from '../host-kit';
import type { HostPort, HostTheme } from '../host-port';

/** The part of `app.getContext()` the panel reads. @see https://learn.microsoft.com/en-us/javascript/api/@microsoft/teams-js/app.context */
export type TeamsContext = { app: { theme: string; locale: string }; meeting?: { id: string }; chat?: { id: string } };

/** The TeamsJS v2 calls the panel makes (the entry passes `{ app, authentication }` of `@microsoft/teams-js`). */
export interface TeamsSdk {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<TeamsContext>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  authentication: { getAuthToken(): Promise<string> };
}

/** The page's part of the Teams host: its URL, storage and how to open links. */
export type TeamsHostOptions = { url: string; store: KeyValueStore; open(url: string): void };

/** Teams themes: `default` and `glass` are light; `dark` and `contrast` (high contrast) get our dark theme. */
export const teamsTheme = (theme: string): HostTheme => (theme === 'dark' || theme === 'contrast' ? 'dark' : 'light');

/**
 * The meeting's chat thread (`19:meeting_…@thread.v2`), the id our calendar sync stores from the Teams join link. Teams gives
 * it as `chat.id` in meeting contexts; `meeting.id` is the same thread wrapped as base64 of `0#<thread>#0`.
 */
export function teamsThread(ctx: TeamsContext): string | null {
  if (ctx.chat?.id.startsWith('19:')) return ctx.chat.id;
  try {
    const thread = atob(ctx.meeting?.id ?? '').split('#')[1];
    return thread?.startsWith('19:') ? thread : null;
  } catch {
    return null;
  }
}

/**
 * Creates the Teams host. `start` initialises TeamsJS (which must finish before any other call), reads the context once and
 * follows theme changes (meetings switch to dark). Sign-in is Teams SSO: `authentication.getAuthToken()` (an Entra token for
 * our app, cached by Teams) exchanged at `POST /api/auth/teams`. The meeting is `meeting.id`, then its chat thread.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/apps-in-teams-meetings/build-tabs-for-meeting
 */
export function createTeamsHost(sdk: TeamsSdk, o: TeamsHostOptions): HostPort {
  const theme = themeCell('light');
  let ctx: TeamsContext | null = null;
  return {
    name: 'teams',
    ...tokenSlot(),
    async start() {
      await sdk.app.initialize();
      ctx = await sdk.app.getContext();
      theme.set(teamsTheme(ctx.app.theme));
      sdk.app.registerOnThemeChangeHandler((next) => theme.set(teamsTheme(next)));
    },
    signIn: async (exchange) => exchange('teams', { ssoToken: await sdk.authentication.getAuthToken() }),
    sessionId: () => sessionParam(o.url),
    meetingIds: async () => (ctx ? candidates(ctx.meeting?.id, teamsThread(ctx)) : []),
    locale: () => localeOf(ctx?.app.locale),
    theme: theme.get,
    onThemeChange: theme.listen,
    openExternal: o.open,
    store: o.store,
  };
}
