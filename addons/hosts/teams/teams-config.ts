/** The Teams tab configuration frame (`/panel/teams?frame=config`): saves the panel's content URL for this meeting. */
import type { TeamsContext } from './teams-host';

/** The `pages.config` calls of TeamsJS v2 the configuration frame makes. */
export interface TeamsConfigSdk {
  app: { initialize(): Promise<void>; getContext(): Promise<TeamsContext> };
  pages: {
    config: {
      setConfig(config: TeamsTabConfig): Promise<void>;
      setValidityState(valid: boolean): void;
      registerOnSaveHandler(handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void): void;
    };
  };
}

/** What Teams stores for the tab (TeamsJS `InstanceConfig`, the fields we set). */
export type TeamsTabConfig = { contentUrl: string; entityId: string; suggestedDisplayName: string };

/** The tab's entity id: the configurable tab's id in the app manifest (manifests/teams.mjs). */
export const TEAMS_ENTITY_ID = 'coaching-panel';

/** The tab configuration for a configuration frame at `pageUrl`: the same path without the query (`…/panel/teams`). */
export function teamsTabConfig(pageUrl: string): TeamsTabConfig {
  const url = new URL(pageUrl);
  return { contentUrl: `${url.origin}${url.pathname}`, entityId: TEAMS_ENTITY_ID, suggestedDisplayName: 'Coaching' };
}

/**
 * Runs the configuration frame: initialise TeamsJS, save the configuration when Teams asks (Save), and mark the page valid
 * at once, since there is nothing to choose. Nothing runs before initialisation has finished; answers the context (for the
 * frame's language and theme).
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
 */
export async function configureTeamsTab(sdk: TeamsConfigSdk, pageUrl: string): Promise<TeamsContext> {
  await sdk.app.initialize();
  const config = teamsTabConfig(pageUrl);
  sdk.pages.config.registerOnSaveHandler((event) => {
    sdk.pages.config.setConfig(config).then(
      () => event.notifySuccess(),
      (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
    );
  });
  sdk.pages.config.setValidityState(true);
  return sdk.app.getContext();
}
