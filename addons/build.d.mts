/** Types of addons/build.mjs for the TypeScript files that import it. */
/** Per page (entry file): its first-load files, its language chunks (one loads before the first paint, with the files listed) and its on-demand chunks. */
export type PageLoad = { firstLoad: string[]; language: string[][]; onDemand: string[] };
export type AddonManifest = { builtAt: string; files: Record<string, { bytes: number; gzip: number; sha256: string }>; pages: Record<string, PageLoad> };
export declare const ENTRIES: Record<string, string>;
export declare const STYLES: Record<string, string>;
export declare function buildAddons(options?: { quiet?: boolean }): Promise<AddonManifest>;
export declare function watchAddons(): Promise<void>;
