/** Types of addons/build.mjs for the TypeScript files that import it. */
export type AddonManifest = { builtAt: string; files: Record<string, { bytes: number; gzip: number; sha256: string }> };
export declare const ENTRIES: Record<string, string>;
export declare const STYLES: Record<string, string>;
export declare function buildAddons(options?: { quiet?: boolean }): Promise<AddonManifest>;
export declare function watchAddons(): Promise<void>;
