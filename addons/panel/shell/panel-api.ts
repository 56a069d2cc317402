/** The `PanelApi` port on API v1 routes (see /work/shared/DESIGN.md, "Public HTTP API v1"). */
import type { Coach, ConversationModel, InvitePreview, PanelData } from '../../../shared/protocol';
import type { PanelApi } from '../ports';
import { failureOf } from './http';
import type { JsonFetch } from './http';

const enc = encodeURIComponent;

/** Builds the panel's API client; `loadPanel` rejects with a `LoadFailure` string so the model can fall back on its cache. */
export function createPanelApi(json: JsonFetch): PanelApi {
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
    referralContacts: async () => (await json<Coach>('GET', '/api/me')).referralContacts ?? '',
  };
}
