/** Conversions between stored epoch milliseconds and the API's ISO 8601 instants. */

/** Epoch ms → ISO 8601 in UTC (`Z` is an explicit offset). */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** ISO 8601 with offset (already validated) → epoch ms. */
export const ms = (instant: string): number => Date.parse(instant);
