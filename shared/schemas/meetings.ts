/** Linking a host meeting to a session, and finding a session by its meeting (`/api/sessions/:id/meeting`, `/by-meeting`). */
import { z } from 'zod';
import { MEETING_HOSTS, joinUrlKey } from '../meetings/join-url';

const MeetingFields = {
  host: z.enum(MEETING_HOSTS),
  /** The host's meeting id: Zoom's meeting UUID or number, Meet's meeting id, Teams' chat thread or `meeting.id`. */
  meetingId: z.string().trim().min(1).max(300).optional(),
  /** The meeting's join link (any host; Teams' short `…/meet/<id>?p=…` links included). */
  joinUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((u) => joinUrlKey(u) !== null, 'must be an absolute http(s) link')
    .optional(),
  /** Meet's meeting code (`abc-defg-hij`). */
  code: z.string().trim().min(1).max(64).optional(),
};
const oneOf = (m: { meetingId?: string; joinUrl?: string; code?: string }) => !!(m.meetingId || m.joinUrl || m.code);
const oneOfIssue = { message: 'give meetingId, joinUrl or code', path: ['meetingId'] };

/** `POST /api/sessions/:id/meeting`. */
export const MeetingLink = z.strictObject(MeetingFields).refine(oneOf, oneOfIssue);
export type MeetingLink = z.infer<typeof MeetingLink>;

/** `GET /api/sessions/by-meeting?host=&meetingId=` (or `&joinUrl=`, `&code=`; any of them may be repeated as one). */
export const MeetingQuery = z.strictObject(MeetingFields).refine(oneOf, oneOfIssue);
