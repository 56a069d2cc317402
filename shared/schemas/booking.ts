/** Booking the next session: free slots and the booking request (API v1 `…/slots`, `…/next`, coachee `…/book`). */
import { z } from 'zod';
import { Instant } from './common';

/** One free slot; times carry the offset of the answer's `timeZone`. */
export const Slot = z.object({ startsAt: Instant, endsAt: Instant });
export type Slot = z.infer<typeof Slot>;

/** `GET /api/sessions/:id/slots`, `GET /api/c/:token/slots`: free slots in a zone (the coach's, or the coachee's on their link). */
export const SlotList = z.object({ timeZone: z.string(), slots: z.array(Slot) });
export type SlotList = z.infer<typeof SlotList>;

/** Query of the slot routes: `from` defaults to now, `to` to `from` + 21 days; at most 90 days apart. */
export const SlotQueryParams = z.strictObject({ from: Instant.optional(), to: Instant.optional() });

/** `POST /api/sessions/:id/next`, `POST /api/c/:token/book` (with an `Idempotency-Key` header). */
export const BookNext = z.strictObject({ startsAt: Instant });
export type BookNext = z.infer<typeof BookNext>;
