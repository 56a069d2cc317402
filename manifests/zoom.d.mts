/** Types of manifests/zoom.mjs for the TypeScript files that import it. */
export declare const ZOOM_APIS: string[];
export declare const ZOOM_SCOPES: string[];
export declare function zoomManifest(o: { base: string; hostname: string }): Record<string, unknown>;
