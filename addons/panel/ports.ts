/** Ports the DOM-free panel and coachee models depend on; the shells implement them with browser APIs. */
import type { ClientMessage, ConversationModel, InvitePreview, Locale, PanelData, Session, SlotList, ReferralView } from '../../shared/protocol';

/** A small string store that survives a reload (the shell backs it with `localStorage`). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The clock the models read; the shell corrects it by the server's clock offset. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
}

/** A fresh id that satisfies the wire `Id` shape (`[A-Za-z0-9_-]{8,64}`), e.g. `crypto.randomUUID()`. */
export type NewId = () => string;

/** An open live connection as the live-sync model sees it. */
export interface LiveLink {
  send(message: ClientMessage): void;
  /** Asks the room for a fresh snapshot (after this replica could not follow an applied op). */
  resync(): void;
}

/** A problem to show the user: an RFC 9457 title/detail pair from the API or the room. */
export type Problem = { title: string; detail: string; status?: number };

/** Why a load failed, as far as the panel needs to know. */
export type LoadFailure = 'offline' | 'unauthorized' | 'not-found' | 'error';

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
}
