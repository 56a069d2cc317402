/** Conversions between stored epoch milliseconds and the API's ISO 8601 instants. */

/** Epoch ms → ISO 8601 in UTC (`Z` is an explicit offset). */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** ISO 8601 with offset (already validated) → epoch ms. */
export const ms = (instant: string): number => Date.parse(instant);

/**
 * The longest a session (and so its local calendar event) lasts: `SessionCreate` refuses longer ones and an engagement's session
 * length is at most 480 minutes. Range queries use it as a lower bound on `starts_at` (`starts_at > from - MAX_SESSION_MS`), so
 * an overlap check reads the sessions around the range through the (coach_id, starts_at) index instead of the coach's whole past.
 */
export const MAX_SESSION_MS = 8 * 3600_000;
