/** The `PanelApi` port on API v1 routes (see /work/shared/DESIGN.md, "Public HTTP API v1"). */
import type { AlertList, BetweenSessions, ConversationModel, InvitePreview, PanelData, Session, SlotList, ReferralView } from '../../../shared/protocol';
import type { PanelApi } from '../ports';
import { asProblem, failureOf } from '../../common/shell/http';
import type { JsonFetch } from '../../common/shell/http';

const enc = encodeURIComponent;

/** Builds the panel's API client; `loadPanel` rejects with a `LoadFailure` string so the model can fall back on its cache. */
export function createPanelApi(json: JsonFetch): PanelApi {
  const session = (id: string) => `/api/sessions/${enc(id)}`;
  return {
    async loadPanel(sessionId) {
      try {
        return await json<PanelData>('GET', `/api/sessions/${enc(sessionId)}/panel`);
      } catch (err) {
        throw failureOf(err);
      }
    },
    async switchModel(sessionId, modelId, locale) {
      await json('PATCH', `/api/sessions/${enc(sessionId)}`, { modelId });
      return json<ConversationModel>('GET', `/api/models/${enc(modelId)}?locale=${locale}`);
    },
    modelsIn: (locale) => json<ConversationModel[]>('GET', `/api/models?locale=${locale}`),
    invitePreview: (sessionId) => json<InvitePreview>('GET', `/api/sessions/${enc(sessionId)}/invite`),
    referral: (id, locale) => json<ReferralView>('GET', `${session(id)}/referral?locale=${locale}`),
    slots: (id, from, to) => asProblem(json<SlotList>('GET', `${session(id)}/slots?from=${enc(from)}&to=${enc(to)}`)),
    bookNext: (id, startsAt, key) => asProblem(json<Session>('POST', `${session(id)}/next`, { startsAt }, { 'idempotency-key': key })),
    publish: (id) => asProblem(json<Session>('POST', `${session(id)}/publish`)),
    session: (id) => asProblem(json<Session>('GET', session(id))),
    between: (id) => json<BetweenSessions>('GET', `${session(id)}/between`),
    alerts: () => json<AlertList>('GET', '/api/alerts?unread=true&limit=20'),
    readAlert: (id) => json('POST', `/api/alerts/${enc(id)}/read`),
  };
}
