/** Types of test/support/local-worker.mjs for the TypeScript test files that import it. */
export declare const TEST_VARS: Record<string, string>;
export declare function freePort(): Promise<number>;
export declare function prepareDatabase(persistTo: string, options?: { seed?: boolean }): void;
export type LocalWorker = { url: string; pid: number; log(): string; stop(): Promise<void> };
export declare function startWorker(options: { port: number; persistTo: string; timeoutMs?: number; vars?: Record<string, string> }): Promise<LocalWorker>;
