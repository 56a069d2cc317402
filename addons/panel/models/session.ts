/** One open session in the coach's panel: the loaded data plus the live, phase, agenda, agreement, notes, sharing and booking models. */
import { computed, createModel, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { ConversationModel, InvitePreview, Locale, PanelData, ReferralView, Session as SessionData } from '../../../shared/protocol';
import type { Clock, KeyValueStore, NewId, Problem } from '../../common/ports';
import type { PanelApi } from '../ports';
import { AgreementDraft } from './agreement-draft';
import { Agreements } from './agreements';
import { Agenda } from './agenda';
import type { Booking, BookingModel } from '../../common/models/booking';
import { CalendarStatus } from './calendar-status';
import type { CalendarStatusModel } from './calendar-status';
import { LiveSync, liveStoreKey } from '../../common/models/live-sync';
import { createBetweenWatch } from './between';
import { Notes } from './notes';
import { PhaseTimer } from './phase-timer';

export type SessionDeps = {
  api: PanelApi;
  clock: Clock;
  store: KeyValueStore;
  newId: NewId;
  locale: ReadonlySignal<Locale>;
  online: () => boolean;
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
  let booking: BookingModel | null = null;
  const referralOpen = signal(false);
  /** The referral checklist as served, per language; 'unavailable' when it could not be fetched (offline). */
  const referral = signal<ReferralView | 'unavailable' | null>(null);
  let referralLocale: Locale | null = null;

  const live = new LiveSync({
    sessionId: initial.session.id,
    actor: 'coach',
    clock: deps.clock,
    store: deps.store,
    storeKey: liveStoreKey('coach', initial.session.id),
    initial: { seq: initial.seq, state: initial.state },
  });
  const agreements = new Agreements(live, deps.newId);
  const id = initial.session.id;
  const watchCalendar = (sessionId: string, known: SessionData | null) => new CalendarStatus({ api: deps.api, clock: deps.clock, sessionId, known, onProblem: (p) => (problem.value = p) });
  const between = createBetweenWatch({ api: deps.api, clock: deps.clock, sessionId: id, engagementId: initial.engagement.id });
  const next = signal<CalendarStatusModel | null>(initial.nextSession && watchCalendar(initial.nextSession.id, null));
  const focusNext = signal(false);

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
    /** Answers and alerts since the previous session (polled while its card is on screen). */
    between,
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
    referral: referral as ReadonlySignal<ReferralView | 'unavailable' | null>,
    /** This session's calendar status and the "publish to calendar" action. */
    calendar: watchCalendar(id, initial.session),
    /** The next session of the engagement (from the load, or just booked) with its calendar status; `null` when there is none. */
    next: next as ReadonlySignal<CalendarStatusModel | null>,
    /**
     * The booking of the next session, made on first use with the model the Share tab brings (its code is in the tab's
     * chunk, not in the panel's first load); later calls answer the same booking.
     */
    booking(create: typeof Booking): BookingModel {
      return (booking ??= new create({
        api: { slots: (from, to) => deps.api.slots(id, from, to), book: (startsAt, key) => deps.api.bookNext(id, startsAt, key) },
        clock: deps.clock,
        newId: deps.newId,
        online: deps.online,
        timeZone: initial.coach.timeZone,
        onBooked(booked) {
          next.peek()?.stop();
          next.value = watchCalendar(booked.id, booked);
        },
      }));
    },
    /** The next-session section should take focus when it shows (asked for from the phase "next appointment"). */
    focusNext: focusNext as ReadonlySignal<boolean>,
    /** Asks for (or, once done, clears) focus on the next-session section. */
    planNext(focus = true): void {
      focusNext.value = focus;
    },
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
    openReferral(): void {
      referralOpen.value = true;
    },
    /** The checklist's content, fetched on demand in `locale` (it costs the panel's bundle nothing); offline it is 'unavailable'. */
    async loadReferral(locale: Locale): Promise<void> {
      if (referralLocale === locale && referral.value !== null && referral.value !== 'unavailable') return;
      referralLocale = locale;
      referral.value = null;
      let answer: ReferralView | 'unavailable';
      try {
        answer = await deps.api.referral(initial.session.id, locale);
      } catch {
        answer = 'unavailable';
      }
      // A language switch while this was on its way: the newer request's answer wins.
      if (referralLocale === locale) referral.value = answer;
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
