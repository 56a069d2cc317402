/** Date and time fields in the coach's own zone ↔ instants with offset, with the shared DST-safe zone maths (no date library). */
import { epochToLocal, localToEpoch, toIsoWithOffset } from '../../shared/time/zone';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` + `HH:MM` as wall time in `zone` → ISO 8601 with that zone's offset; null when a field is not filled in. */
export function wallToIso(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return toIsoWithOffset(localToEpoch(zone, { y: +d[1]!, m: +d[2]!, d: +d[3]!, hh: +t[1]!, mm: +t[2]! }), zone);
}

/** An instant as the date and time fields show it in `zone`. */
export function isoToWall(iso: string, zone: string): { date: string; time: string } {
  const l = epochToLocal(zone, Date.parse(iso));
  return { date: `${l.y}-${pad(l.m)}-${pad(l.d)}`, time: `${pad(l.hh)}:${pad(l.mm)}` };
}
