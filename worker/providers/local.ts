/** The embedded local calendar: the reference calendar provider, events in D1 (`local_events`), etag = sequence number. */
import { z } from 'zod';
import { all, first, run, sql, StorageError, type Query } from '../storage/sql';
import { MAX_SESSION_MS } from '../storage/time';
import { isEmptyRange, normalizeBusy } from './busy';
import { ProviderError, type Attendee, type CalendarEvent, type CalendarProvider, type TimeRange } from './types';

export const DRIVER_NAME = 'local';

/** One stored event, as the iCalendar feed and invites need it. */
export interface LocalEvent {
  id: string;
  title: string;
  description: string;
  location?: string;
  startMs: number;
  endMs: number;
  timeZone: string;
  attendees: Attendee[];
  /** RFC 5545 SEQUENCE: 0 on create, +1 on every change including cancellation. */
  sequence: number;
  status: 'confirmed' | 'cancelled';
  createdMs: number;
  updatedMs: number;
}

/** The local calendar: the port plus what the iCalendar feed needs. */
export interface LocalCalendar extends CalendarProvider {
  /** Events overlapping the range, by start; cancelled ones only when asked (feeds publish cancellations). */
  listEvents(range: TimeRange, options?: { includeCancelled?: boolean }): Promise<LocalEvent[]>;
}

export interface LocalCalendarOptions {
  db: D1Database;
  coachId: string;
  now?: () => number;
}

interface Row {
  id: string;
  title: string;
  description: string;
  location: string | null;
  starts_at: number;
  ends_at: number;
  time_zone: string;
  attendees_json: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  created_at: number;
  updated_at: number;
}

const Attendees = z.array(z.object({ email: z.string(), name: z.string().optional() }));

function toLocalEvent(row: Row): LocalEvent {
  const attendees = Attendees.safeParse(JSON.parse(row.attendees_json));
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ...(row.location === null ? {} : { location: row.location }),
    startMs: row.starts_at,
    endMs: row.ends_at,
    timeZone: row.time_zone,
    attendees: attendees.success ? attendees.data : [],
    sequence: row.sequence,
    status: row.status,
    createdMs: row.created_at,
    updatedMs: row.updated_at,
  };
}

function toCalendarEvent(event: LocalEvent): CalendarEvent {
  return {
    externalId: event.id,
    etag: String(event.sequence),
    title: event.title,
    description: event.description,
    startMs: event.startMs,
    endMs: event.endMs,
  };
}

/** Runs a storage call, reporting D1 failures as this provider's `upstream` errors. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof StorageError) throw new ProviderError(DRIVER_NAME, 'upstream', e.message, { cause: e });
    throw e;
  }
}

/**
 * The local calendar of one coach. Same semantics as the Google adapter: creating with a used event key returns the
 * existing event (a cancelled one is a `conflict`), a stale etag is a `precondition` error, deletes keep a cancelled
 * row with a higher sequence. It sends no emails (`notifiesAttendees: false`): the caller sends iCalendar invites.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.8.7.4 (SEQUENCE)
 */
export function createLocalCalendar(options: LocalCalendarOptions): LocalCalendar {
  const q = sql(options.db);
  const now = options.now ?? Date.now;
  const coachId = options.coachId;
  const read = (id: string): Query => q`SELECT * FROM local_events WHERE coach_id = ${coachId} AND id = ${id}`;

  return {
    name: DRIVER_NAME,
    flags: { conference: null, etags: true, descriptionFormat: 'text', notifiesAttendees: false },

    async freeBusy(range) {
      if (isEmptyRange(range)) return [];
      const rows = await guard(() =>
        all<{ starts_at: number; ends_at: number }>(q`
          SELECT starts_at, ends_at FROM local_events
          WHERE coach_id = ${coachId} AND status = 'confirmed' AND starts_at > ${range.fromMs - MAX_SESSION_MS} AND starts_at < ${range.toMs} AND ends_at > ${range.fromMs}`),
      );
      return normalizeBusy(rows.map((r) => ({ startMs: r.starts_at, endMs: r.ends_at })), range);
    },

    async createEvent(event) {
      if (!(event.endMs > event.startMs)) throw new ProviderError(DRIVER_NAME, 'invalid', 'event must end after it starts');
      if (event.endMs - event.startMs > MAX_SESSION_MS) throw new ProviderError(DRIVER_NAME, 'invalid', 'a session event lasts at most 8 hours');
      const at = now();
      const row = await guard(async () => {
        await run(q`
          INSERT INTO local_events (coach_id, id, title, description, location, starts_at, ends_at, time_zone, attendees_json, created_at, updated_at)
          VALUES (${coachId}, ${event.eventKey}, ${event.title}, ${event.description}, ${event.location ?? null}, ${event.startMs},
                  ${event.endMs}, ${event.timeZone}, ${JSON.stringify(event.attendees)}, ${at}, ${at})
          ON CONFLICT (coach_id, id) DO NOTHING`);
        return first<Row>(read(event.eventKey));
      });
      if (!row) throw new ProviderError(DRIVER_NAME, 'upstream', `event ${event.eventKey} vanished after insert`);
      if (row.status === 'cancelled') throw new ProviderError(DRIVER_NAME, 'conflict', `event id ${row.id} belongs to a deleted event`);
      return { externalId: row.id, etag: String(row.sequence) };
    },

    async getEvent(externalId) {
      const row = await guard(() => first<Row>(read(externalId)));
      return row && row.status === 'confirmed' ? toCalendarEvent(toLocalEvent(row)) : null;
    },

    async updateEvent(externalId, patch, writeOptions = {}) {
      if (patch.time && !(patch.time.endMs > patch.time.startMs)) throw new ProviderError(DRIVER_NAME, 'invalid', 'event must end after it starts');
      if (patch.time && patch.time.endMs - patch.time.startMs > MAX_SESSION_MS) throw new ProviderError(DRIVER_NAME, 'invalid', 'a session event lasts at most 8 hours');
      const expected = writeOptions.etag === undefined ? null : /^\d+$/.test(writeOptions.etag) ? Number(writeOptions.etag) : -1;
      const updated = await guard(() =>
        first<{ sequence: number }>(q`
          UPDATE local_events SET
            title = coalesce(${patch.title ?? null}, title),
            description = coalesce(${patch.description ?? null}, description),
            location = coalesce(${patch.location ?? null}, location),
            starts_at = coalesce(${patch.time?.startMs ?? null}, starts_at),
            ends_at = coalesce(${patch.time?.endMs ?? null}, ends_at),
            time_zone = coalesce(${patch.time?.timeZone ?? null}, time_zone),
            sequence = sequence + 1,
            updated_at = ${now()}
          WHERE coach_id = ${coachId} AND id = ${externalId} AND status = 'confirmed'
            AND (${expected} IS NULL OR sequence = ${expected})
          RETURNING sequence`),
      );
      if (updated) return { etag: String(updated.sequence) };
      const row = await guard(() => first<Row>(read(externalId)));
      if (!row || row.status === 'cancelled') throw new ProviderError(DRIVER_NAME, 'not_found', `no event ${externalId}`, { status: 404 });
      throw new ProviderError(DRIVER_NAME, 'precondition', `event ${externalId} changed since etag ${writeOptions.etag}`, { status: 412 });
    },

    async deleteEvent(externalId) {
      await guard(() =>
        run(q`
          UPDATE local_events SET status = 'cancelled', sequence = sequence + 1, updated_at = ${now()}
          WHERE coach_id = ${coachId} AND id = ${externalId} AND status = 'confirmed'`),
      );
    },

    async listEvents(range, listOptions = {}) {
      const includeCancelled = listOptions.includeCancelled === true ? 1 : 0;
      const rows = await guard(() =>
        all<Row>(q`
          SELECT * FROM local_events
          WHERE coach_id = ${coachId} AND starts_at > ${range.fromMs - MAX_SESSION_MS} AND starts_at < ${range.toMs} AND ends_at > ${range.fromMs}
            AND (status = 'confirmed' OR ${includeCancelled} = 1)
          ORDER BY starts_at, id`),
      );
      return rows.map(toLocalEvent);
    },
  };
}
