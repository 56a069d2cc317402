/** The host panel's first run in a meeting no session knows: link the meeting to an upcoming session, or make it a session of a trajectory or of a new coachee. */
import type { Coachee, Engagement, Locale, MeetingLink, Session } from '../../../shared/protocol';
import type { JsonFetch } from '../../common/shell/http';
import type { HostName, MeetingDetails } from '../host-port';

/** A trajectory to start this meeting's session in: its coachee's name and session length. */
export type TrajectoryItem = { engagementId: string; name: string; sessionMinutes: number };
/** A coachee the coach adds from the panel; `email` may be empty. */
export type NewCoachee = { name: string; email: string };

const FIVE_MINUTES = 5 * 60_000;

/**
 * The reference the panel links: the host's most specific meeting id (Zoom's UUID of this meeting, not its number, which a
 * recurring meeting keeps every week), the join link and Meet's code, as far as the host gave them; null outside a meeting.
 */
export function meetingLinkOf(host: HostName, ids: readonly string[], details: MeetingDetails | null): MeetingLink | null {
  const link: MeetingLink = {
    host,
    ...(ids[0] ? { meetingId: ids[0] } : {}),
    ...(details?.joinUrl ? { joinUrl: details.joinUrl } : {}),
    ...(details?.code ? { code: details.code } : {}),
  };
  return link.meetingId || link.joinUrl || link.code ? link : null;
}

/** The coach's active trajectories with their coachee's name, newest first. */
export const trajectoriesOf = (engagements: readonly Engagement[], coachees: readonly Coachee[]): TrajectoryItem[] =>
  engagements
    .filter((e) => e.status === 'active')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .map((e) => ({ engagementId: e.id, name: coachees.find((c) => c.id === e.coacheeId)?.name ?? '', sessionMinutes: e.sessionMinutes }));

/**
 * The time of a session made for a meeting that is on now (no host tells the panel the meeting's schedule): from the last
 * full five minutes, for the trajectory's session length.
 */
export function meetingSlot(nowMs: number, minutes: number): { startsAt: string; endsAt: string } {
  const start = Math.floor(nowMs / FIVE_MINUTES) * FIVE_MINUTES;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * 60_000).toISOString() };
}

/**
 * The first run's writes, each ending with the meeting linked (`POST /api/sessions/:id/meeting`) and answering the session
 * id. A new coachee is created once per name and address even when a later step fails and the coach tries again: the
 * retry goes on from the trajectory already made, so it never leaves a second coachee behind.
 * @see /work/shared/DESIGN.md ("API v1, second part": `POST /api/sessions/:id/meeting`)
 */
export function createFirstRun(json: JsonFetch, now: () => number) {
  const made = new Map<string, TrajectoryItem>();

  async function link(sessionId: string, meeting: MeetingLink): Promise<string> {
    await json<Session>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/meeting`, meeting);
    return sessionId;
  }

  async function startFor(trajectory: Pick<TrajectoryItem, 'engagementId' | 'sessionMinutes'>, meeting: MeetingLink): Promise<string> {
    const created = await json<Session>('POST', '/api/sessions', { engagementId: trajectory.engagementId, ...meetingSlot(now(), trajectory.sessionMinutes) });
    return link(created.id, meeting);
  }

  return {
    /** Links the meeting to a session the coach planned before. */
    link,
    /** Makes the meeting a new session of a trajectory, from now, and links it. */
    startFor,
    /** Adds the coachee and a trajectory with them, then makes the meeting its first session. */
    async addCoachee(input: NewCoachee, locale: Locale, meeting: MeetingLink): Promise<string> {
      const key = `${input.name.trim()}\n${input.email.trim().toLowerCase()}`;
      let trajectory = made.get(key);
      if (!trajectory) {
        const email = input.email.trim();
        const coachee = await json<Coachee>('POST', '/api/coachees', { name: input.name.trim(), ...(email ? { email } : {}), locale });
        const engagement = await json<Engagement>('POST', '/api/engagements', { coacheeId: coachee.id });
        trajectory = { engagementId: engagement.id, name: coachee.name, sessionMinutes: engagement.sessionMinutes };
        made.set(key, trajectory);
      }
      return startFor(trajectory, meeting);
    },
  };
}
