/** The panel's REST port; the generic ports (store, clock, ids, problems) live in addons/common/ports.ts. */
import type { AlertList, BetweenSessions, ConversationModel, InvitePreview, Locale, PanelData, Session, SlotList, ReferralView } from '../../shared/protocol';

/** The REST calls the panel makes (API v1, /work/shared/DESIGN.md); the shell implements them with `fetch`. */
export interface PanelApi {
  /** `GET /api/sessions/:id/panel`. Rejects with a `LoadFailure`. */
  loadPanel(sessionId: string): Promise<PanelData>;
  /** `PATCH /api/sessions/:id {modelId}` then `GET /api/models/:id?locale=`. */
  switchModel(sessionId: string, modelId: string, locale: Locale): Promise<ConversationModel>;
  /** `GET /api/models?locale=`: built-ins in that locale, then the coach's own. */
  modelsIn(locale: Locale): Promise<ConversationModel[]>;
  /** `GET /api/sessions/:id/invite`. */
  invitePreview(sessionId: string): Promise<InvitePreview>;
  /** `GET /api/sessions/:id/referral?locale=`: checklist, the coachee's crisis line and the coach's own contacts, on demand. */
  referral(sessionId: string, locale: Locale): Promise<ReferralView>;
  /** `GET /api/sessions/:id/slots?from=&to=`: free slots for the next session. The calls below reject with a `Problem`. */
  slots(sessionId: string, from: string, to: string): Promise<SlotList>;
  /** `POST /api/sessions/:id/next {startsAt}` with an `Idempotency-Key` header. */
  bookNext(sessionId: string, startsAt: string, idempotencyKey: string): Promise<Session>;
  /** `POST /api/sessions/:id/publish`. */
  publish(sessionId: string): Promise<Session>;
  /** `GET /api/sessions/:id`. */
  session(sessionId: string): Promise<Session>;
  /** `GET /api/sessions/:id/between`: answers and alerts since the previous session (absent: the card stays empty). */
  between?(sessionId: string): Promise<BetweenSessions>;
  /** `GET /api/alerts?unread=true`: the coach's unread alerts (polled while the panel is open). */
  alerts?(): Promise<AlertList>;
  /** `POST /api/alerts/:id/read`. */
  readAlert?(alertId: string): Promise<unknown>;
}
