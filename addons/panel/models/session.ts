/** One open session in the coach's panel: the loaded data plus the live, phase, agenda, agreement, notes and sharing models. */
import { computed, createModel, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { ConversationModel, InvitePreview, Locale, PanelData } from '../../../shared/protocol';
import type { Clock, KeyValueStore, NewId, PanelApi, Problem } from '../ports';
import { AgreementDraft } from './agreement-draft';
import { Agreements } from './agreements';
import { Agenda } from './agenda';
import { LiveSync, liveStoreKey } from './live-sync';
import { Notes } from './notes';
import { PhaseTimer } from './phase-timer';

export type SessionDeps = {
  api: PanelApi;
  clock: Clock;
  store: KeyValueStore;
  newId: NewId;
  locale: ReadonlySignal<Locale>;
};

const problemOf = (err: unknown): Problem => ({ title: 'Request failed', detail: err instanceof Error ? err.message : String(err) });

/**
 * The session model. `data` is the REST payload (or the cached copy when offline); everything
 * that changes during the call lives in the nested models and goes through the room as ops.
 * Switching the conversation model and refreshing the invite preview are REST calls.
 */
export const Session = createModel((initial: PanelData, fromCache: boolean, deps: SessionDeps) => {
  const data = signal(initial);
  const model = signal<ConversationModel>(initial.model);
  const invite = signal<InvitePreview>(initial.invite);
  const inviteStale = signal(fromCache);
  const busy = signal<'model' | 'invite' | null>(null);
  const problem = signal<Problem | null>(null);
  const referralOpen = signal(false);
  const referralContacts = signal<string | null>(null);

  const live = new LiveSync({
    sessionId: initial.session.id,
    actor: 'coach',
    clock: deps.clock,
    store: deps.store,
    storeKey: liveStoreKey('coach', initial.session.id),
    initial: { seq: initial.seq, state: initial.state },
  });
  const agreements = new Agreements(live, deps.newId);

  async function refreshInvite(): Promise<void> {
    busy.value = 'invite';
    try {
      invite.value = await deps.api.invitePreview(initial.session.id);
      inviteStale.value = false;
    } catch (err) {
      inviteStale.value = true;
      problem.value = problemOf(err);
    } finally {
      busy.value = null;
    }
  }

  // Built-in models exist in both languages: follow the panel's language (own models are in the language they were written in).
  effect(() => {
    const locale = deps.locale.value;
    if (locale === model.peek().locale || !model.peek().builtIn) return;
    deps.api.modelsIn(locale).then(
      (all) => {
        const same = all.find((m) => m.id === model.peek().id);
        if (same) model.value = same;
        data.value = { ...data.value, models: all.map((m) => ({ id: m.id, name: m.name, locale: m.locale, builtIn: m.builtIn })) };
      },
      () => undefined, // Offline: keep the model in the language it has.
    );
  });

  return {
    data: data as ReadonlySignal<PanelData>,
    fromCache: signal(fromCache) as ReadonlySignal<boolean>,
    model: model as ReadonlySignal<ConversationModel>,
    live,
    timer: new PhaseTimer({
      live,
      model,
      startsAtMs: Date.parse(initial.session.startsAt),
      endsAtMs: Date.parse(initial.session.endsAt),
      clock: deps.clock,
      newId: deps.newId,
    }),
    agenda: new Agenda(live, deps.newId),
    agreements,
    draft: new AgreementDraft({ agreements, clock: deps.clock, timeZone: initial.coach.timeZone, locale: deps.locale, coacheeName: initial.coachee.name }),
    notes: new Notes(live, deps.clock, deps.newId),
    /** What the coachee will see on the invite; refreshed on demand because agenda and agreements change it. */
    invite: invite as ReadonlySignal<InvitePreview>,
    /** True until the preview has been fetched after the last load (a cached panel shows an old preview). */
    inviteStale: inviteStale as ReadonlySignal<boolean>,
    busy: busy as ReadonlySignal<'model' | 'invite' | null>,
    problem: problem as ReadonlySignal<Problem | null>,
    referralOpen: referralOpen as ReadonlySignal<boolean>,
    referralContacts: referralContacts as ReadonlySignal<string | null>,
    /** Open agreements made in earlier sessions plus unticked agenda items: the count on the agenda tab. */
    agendaCount: computed(() => agreements.carriedOverOpen.value.length + (live.view.value?.agenda.filter((i) => !i.done).length ?? 0)),

    refreshInvite,
    /** Switches this session's conversation model (`PATCH /api/sessions/:id`). */
    async switchModel(modelId: string): Promise<void> {
      if (modelId === model.value.id || busy.value) return;
      busy.value = 'model';
      try {
        model.value = await deps.api.switchModel(initial.session.id, modelId, deps.locale.value);
        data.value = { ...data.value, model: model.value, session: { ...data.value.session, modelId } };
      } catch (err) {
        problem.value = problemOf(err);
      } finally {
        busy.value = null;
      }
    },
    async openReferral(): Promise<void> {
      referralOpen.value = true;
      if (referralContacts.value !== null) return;
      try {
        referralContacts.value = await deps.api.referralContacts();
      } catch {
        referralContacts.value = '';
      }
    },
    closeReferral(): void {
      referralOpen.value = false;
    },
    dismissProblem(): void {
      problem.value = null;
    },
  };
});

export type SessionModel = InstanceType<typeof Session>;
