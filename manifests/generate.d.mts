/** Types of manifests/generate.mjs for the TypeScript files that import it. */
export type GenerateOptions = {
  baseUrl: string | undefined;
  outDir: string | undefined;
  /** Entra app (client) id for Teams SSO (`--teams-app-id` / `TEAMS_APP_ID`). */
  teamsClientId: string | undefined;
  /** Teams app id; derived from the base URL when absent. */
  teamsManifestId?: string | undefined;
  version?: string;
  websiteUrl?: string | undefined;
  privacyUrl?: string | undefined;
  termsUrl?: string | undefined;
};
export type GeneratedPaths = { teamsManifest: string; teamsPackage: string; google: string; zoom: string };
export declare function generateManifests(options: GenerateOptions): Promise<GeneratedPaths>;
