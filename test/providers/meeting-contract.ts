/** The contract every meeting provider (Zoom) must meet, run over its vendor HTTP fake. */
import { describe, expect, it } from 'vitest';
import type { MeetingProvider } from '../../worker/providers/types';
import { rejection, type RemoteHarness } from './contract';

export interface MeetingHarness {
  provider: MeetingProvider;
  /** The caller's record of meeting ids by key (what the outbox stores); read by the adapter through `findExisting`. */
  recorded: Map<string, string>;
  countMeetings(): number;
  remote: RemoteHarness;
}

const DAY = 86_400_000;
/** Monday 29 March 2027, 09:00 in Amsterdam. */
const T0 = Date.UTC(2027, 2, 29, 7, 0);

/** Runs the meeting contract against one meeting provider. */
export function meetingContract(name: string, factory: () => Promise<MeetingHarness>): void {
  describe(`meeting contract: ${name}`, () => {
    const meeting = (agenda = 'Doel: grenzen stellen') => ({ meetingKey: `mk_${crypto.randomUUID()}`, topic: 'Coachgesprek 2', agenda, startMs: T0, durationMinutes: 60, timeZone: 'Europe/Amsterdam' });

    it('create then get round-trips topic, agenda, start and duration', async () => {
      const { provider } = await factory();
      const created = await provider.createMeeting(meeting());
      expect(created.joinUrl).toMatch(/^https:\/\//);
      expect(await provider.getMeeting(created.meetingId)).toEqual({ ...created, topic: 'Coachgesprek 2', agenda: 'Doel: grenzen stellen', startMs: T0, durationMinutes: 60 });
    });

    it('a long agenda is shortened at a line break, never past the limit', async () => {
      const { provider } = await factory();
      const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Afspraak nummer ${i + 1} met een toelichting`);
      const created = await provider.createMeeting(meeting(lines.join('\n')));
      const agenda = (await provider.getMeeting(created.meetingId))!.agenda;
      expect(Array.from(agenda).length).toBeLessThanOrEqual(2000);
      expect(agenda.endsWith('…')).toBe(true);
      expect(lines.join('\n').startsWith(agenda.slice(0, -1))).toBe(true);
      expect(lines).toContain(agenda.slice(0, -1).split('\n').at(-1));
    });

    it('a retried create reuses the meeting the caller recorded', async () => {
      const h = await factory();
      const input = meeting();
      const first = await h.provider.createMeeting(input);
      h.recorded.set(input.meetingKey, first.meetingId);
      expect(await h.provider.createMeeting(input)).toEqual(first);
      expect(h.countMeetings()).toBe(1);
      await h.provider.deleteMeeting(first.meetingId);
      const again = await h.provider.createMeeting(input);
      expect(again.meetingId).not.toBe(first.meetingId);
    });

    it('update changes what it is given', async () => {
      const { provider } = await factory();
      const created = await provider.createMeeting(meeting());
      await provider.updateMeeting(created.meetingId, { startMs: T0 + DAY, durationMinutes: 45 });
      expect(await provider.getMeeting(created.meetingId)).toMatchObject({ startMs: T0 + DAY, durationMinutes: 45, agenda: 'Doel: grenzen stellen' });
    });

    it('delete then get is null; deleting again is fine; updating it is not_found', async () => {
      const { provider } = await factory();
      const created = await provider.createMeeting(meeting());
      await provider.deleteMeeting(created.meetingId);
      expect(await provider.getMeeting(created.meetingId)).toBeNull();
      await provider.deleteMeeting(created.meetingId);
      expect((await rejection(provider.updateMeeting(created.meetingId, { topic: 'x' }))).kind).toBe('not_found');
    });

    it('429 is rate_limit with Retry-After, 5xx is upstream', async () => {
      const h = await factory();
      h.remote.failNext(429, { 'retry-after': '2' });
      expect(await rejection(h.provider.createMeeting(meeting()))).toMatchObject({ kind: 'rate_limit', retryAfterMs: 2000 });
      h.remote.failNext(502);
      expect(await rejection(h.provider.createMeeting(meeting()))).toMatchObject({ kind: 'upstream', status: 502 });
      expect(h.countMeetings()).toBe(0);
    });

    it('a rejected token is refreshed once for concurrent calls and saved once', async () => {
      const h = await factory();
      const created = await h.provider.createMeeting(meeting());
      h.remote.revokeAccessTokens();
      const got = await Promise.all([1, 2, 3].map(() => h.provider.getMeeting(created.meetingId)));
      expect(got.map((m) => m?.meetingId)).toEqual([created.meetingId, created.meetingId, created.meetingId]);
      expect(h.remote.refreshes()).toBe(1);
      expect(h.remote.saved).toHaveLength(1);
    });
  });
}
