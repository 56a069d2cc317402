/** D1 repository for coaches: profile, defaults for new coaches, and the calendar feed token. */
import { DEFAULT_COACH_SETTINGS, withBookingLimits, type Coach, type CoachPatch } from '../../shared/protocol';
import { all, first, run, sql } from './sql';

/** A coach row as stored. */
export type CoachRow = {
  id: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
  time_zone: string;
  working_hours: string;
  booking_rules: string;
  invite_mode: 'full' | 'link_only';
  meeting_host: Coach['meetingHost'];
  referral_contacts: string;
  calendar_provider: Coach['calendar']['provider'];
  ics_token: string;
  created_at: number;
};

/** The coach's profile as `GET /api/me` shows it. */
export function toCoach(row: CoachRow, publicUrl: string): Coach {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    timeZone: row.time_zone,
    workingHours: JSON.parse(row.working_hours),
    bookingRules: withBookingLimits(JSON.parse(row.booking_rules)),
    inviteMode: row.invite_mode,
    meetingHost: row.meeting_host,
    referralContacts: row.referral_contacts,
    calendar: { provider: row.calendar_provider, ...(row.calendar_provider === 'local' ? { icsUrl: `${publicUrl}/ics/${row.ics_token}.ics` } : {}) },
  };
}

/** One coach by id. */
export function getCoach(db: D1Database, id: string): Promise<CoachRow | null> {
  return first<CoachRow>(sql(db)`SELECT * FROM coaches WHERE id = ${id}`);
}

/** One coach by the secret token of their iCalendar feed. */
export function getCoachByIcsToken(db: D1Database, token: string): Promise<CoachRow | null> {
  return first<CoachRow>(sql(db)`SELECT * FROM coaches WHERE ics_token = ${token}`);
}

/** Finds the coach with this e-mail address or creates one with the product defaults (Amsterdam, Mon–Fri 09–17, Dutch). */
export async function upsertCoachByEmail(db: D1Database, email: string, name: string | undefined, nowMs: number): Promise<CoachRow> {
  const normalised = email.trim().toLowerCase();
  const d = DEFAULT_COACH_SETTINGS;
  await run(sql(db)`INSERT INTO coaches (id, email, name, locale, time_zone, working_hours, booking_rules, invite_mode, meeting_host, ics_token, created_at)
    VALUES (${crypto.randomUUID()}, ${normalised}, ${name ?? normalised.split('@')[0]}, ${d.locale}, ${d.timeZone}, ${JSON.stringify(d.workingHours)},
      ${JSON.stringify(d.bookingRules)}, ${d.inviteMode}, ${d.meetingHost}, ${randomToken()}, ${nowMs})
    ON CONFLICT (email) DO NOTHING`);
  const row = await first<CoachRow>(sql(db)`SELECT * FROM coaches WHERE email = ${normalised}`);
  if (!row) throw new Error('coach upsert lost');
  return row;
}

/** Applies a validated profile patch. */
export async function patchCoach(db: D1Database, current: CoachRow, patch: CoachPatch): Promise<CoachRow> {
  const rules = patch.bookingRules ? { ...JSON.parse(current.booking_rules), ...patch.bookingRules } : JSON.parse(current.booking_rules);
  const next: CoachRow = {
    ...current,
    name: patch.name ?? current.name,
    locale: patch.locale ?? current.locale,
    time_zone: patch.timeZone ?? current.time_zone,
    working_hours: patch.workingHours ? JSON.stringify(patch.workingHours) : current.working_hours,
    booking_rules: JSON.stringify(rules),
    invite_mode: patch.inviteMode ?? current.invite_mode,
    meeting_host: patch.meetingHost ?? current.meeting_host,
    referral_contacts: patch.referralContacts ?? current.referral_contacts,
  };
  await run(sql(db)`UPDATE coaches SET name = ${next.name}, locale = ${next.locale}, time_zone = ${next.time_zone}, working_hours = ${next.working_hours},
    booking_rules = ${next.booking_rules}, invite_mode = ${next.invite_mode}, meeting_host = ${next.meeting_host}, referral_contacts = ${next.referral_contacts}
    WHERE id = ${current.id}`);
  return next;
}

/** Gives the coach a new calendar feed token (the old feed URL answers 404 at once); answers the updated row. */
export function replaceIcsToken(db: D1Database, coachId: string): Promise<CoachRow | null> {
  return first<CoachRow>(sql(db)`UPDATE coaches SET ics_token = ${randomToken()} WHERE id = ${coachId} RETURNING *`);
}

/** A URL-safe random token of 128 bits. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
