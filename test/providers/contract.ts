/** The one contract every calendar provider must meet, run over real D1 or the vendor HTTP fakes; plus the fake-connection helper. */
import { describe, expect, it } from 'vitest';
import { ProviderError, type CalendarProvider, type Credentials, type NewEvent, type RemoteDeps } from '../../worker/providers/types';
import type { FakeOAuth } from '../fakes/fake-support';

/** Knobs of a vendor fake, for the remote-only contract points. */
export interface RemoteHarness {
  failNext(status: number, headers?: Record<string, string>): void;
  /** The vendor stops accepting every access token issued so far (revoked, or expired on its side). */
  revokeAccessTokens(): void;
  /** Refresh grants the vendor served. */
  refreshes(): number;
  /** Requests the vendor turned away for their bearer token. */
  rejections(): number;
  /** Credentials the adapter handed to `saveToken`, in order. */
  saved: Credentials[];
}

export interface CalendarHarness {
  provider: CalendarProvider;
  /** Someone else rewrites the description in the calendar itself (the coach in Google Calendar or Outlook). */
  editExternally(externalId: string, description: string): Promise<void>;
  /** Events currently in the calendar. */
  countEvents(): Promise<number>;
  remote?: RemoteHarness;
}

/** `expiredCredentials`: the adapter starts with an access token that both sides know has expired. */
export type CalendarHarnessFactory = (options?: { expiredCredentials?: boolean }) => Promise<CalendarHarness>;

/**
 * Connects an adapter to a vendor fake the way the Worker will: the fake's fetch, a grant from its OAuth authority,
 * a refresh callback that calls it (with a pause, so concurrent callers really overlap) and a recording saveToken.
 */
export function connect(
  fake: { fetch: (req: Request) => Promise<Response>; auth: FakeOAuth; failNext(status: number, headers?: Record<string, string>): void },
  options: { expiredCredentials?: boolean } = {},
): { deps: RemoteDeps; remote: RemoteHarness } {
  const saved: Credentials[] = [];
  const grant = fake.auth.grant();
  if (options.expiredCredentials) fake.auth.revokeAccessTokens();
  const deps: RemoteDeps = {
    fetch: fake.fetch,
    credentials: options.expiredCredentials ? { ...grant, expiresAtMs: Date.now() - 1000 } : grant,
    saveToken: async (credentials) => {
      saved.push(credentials);
    },
    refresh: async (credentials) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return fake.auth.refresh(credentials.refreshToken);
    },
  };
  const remote: RemoteHarness = {
    failNext: (status, headers) => fake.failNext(status, headers),
    revokeAccessTokens: () => fake.auth.revokeAccessTokens(),
    refreshes: () => fake.auth.refreshes,
    rejections: () => fake.auth.rejections,
    saved,
  };
  return { deps, remote };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 29 March 2027, 09:00 in Amsterdam (the day after the DST change). */
const T0 = Date.UTC(2027, 2, 29, 7, 0);

/** Captures the ProviderError a promise rejects with; fails the test when it resolves or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected a ProviderError, but the call succeeded');
}

let keyCounter = 0;
function newKey(): string {
  keyCounter += 1;
  return `bk_${crypto.randomUUID().replaceAll('-', '')}_${keyCounter}`;
}

/** Our block and the coach's own text, in the provider's description format. */
function texts(provider: CalendarProvider) {
  const html = provider.flags.descriptionFormat === 'html';
  return {
    block: (s: string) => (html ? `<div id="cc-block"><p>${s}</p></div>` : `--- Coaching ---\n${s}\n---`),
    coach: (s: string) => (html ? `<p>${s}</p>` : s),
  };
}

function event(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventKey: newKey(),
    title: 'Coachgesprek 2 — Sam',
    description: '',
    startMs: T0,
    endMs: T0 + HOUR,
    timeZone: 'Europe/Amsterdam',
    attendees: [{ email: 'sam@example.org', name: 'Sam de Vries' }],
    conference: false,
    ...overrides,
  };
}

/** Runs the calendar contract against one provider. */
export function calendarContract(name: string, factory: CalendarHarnessFactory): void {
  describe(`calendar contract: ${name}`, () => {
    it('create then get round-trips title, description and times', async () => {
      const { provider } = await factory();
      const { block } = texts(provider);
      const description = block('Doel: grenzen stellen, café & "werk"');
      const created = await provider.createEvent(event({ description, startMs: T0 + 2 * HOUR, endMs: T0 + 3 * HOUR + 30 * 60_000 }));
      const got = await provider.getEvent(created.externalId);
      expect(got).toMatchObject({ externalId: created.externalId, title: 'Coachgesprek 2 — Sam', description, startMs: T0 + 2 * HOUR, endMs: T0 + 3.5 * HOUR });
      if (provider.flags.etags) expect(got?.etag).toBe(created.etag);
    });

    it('creating twice with one event key yields one event', async () => {
      const h = await factory();
      const input = event({ description: texts(h.provider).block('Eén keer') });
      const first = await h.provider.createEvent(input);
      const second = await h.provider.createEvent(input);
      expect(second.externalId).toBe(first.externalId);
      expect(await h.countEvents()).toBe(1);
    });

    it('a stale etag is a precondition error; re-read, merge and retry succeeds and keeps the coach text', async () => {
      const h = await factory();
      const { block, coach } = texts(h.provider);
      const created = await h.provider.createEvent(event({ description: block('Agenda v1') }));
      const edited = `${coach('Parkeren achter het pand.')}${block('Agenda v1')}${coach('Neem je dagboek mee.')}`;
      await h.editExternally(created.externalId, edited);

      const stale = await rejection(h.provider.updateEvent(created.externalId, { description: block('Agenda v2') }, { etag: created.etag! }));
      expect(stale.kind).toBe('precondition');
      expect(stale.provider).toBe(h.provider.name);
      expect(stale.message.startsWith(`[${h.provider.name}]`)).toBe(true);

      const current = await h.provider.getEvent(created.externalId);
      expect(current?.description).toBe(edited);
      expect(current?.etag).not.toBe(created.etag);
      const merged = current!.description.replace(block('Agenda v1'), block('Agenda v2'));
      const { etag } = await h.provider.updateEvent(created.externalId, { description: merged }, { etag: current!.etag! });
      expect(etag).not.toBe(current!.etag);
      expect((await h.provider.getEvent(created.externalId))?.description).toBe(merged);
    });

    it('an update leaves fields it was not given alone', async () => {
      const h = await factory();
      const { block, coach } = texts(h.provider);
      const created = await h.provider.createEvent(event({ description: block('Agenda') }));
      const edited = `${block('Agenda')}${coach('Eigen notitie van de coach')}`;
      await h.editExternally(created.externalId, edited);
      await h.provider.updateEvent(created.externalId, { title: 'Coachgesprek 2 (verzet)', time: { startMs: T0 + DAY, endMs: T0 + DAY + HOUR, timeZone: 'Europe/Amsterdam' } });
      expect(await h.provider.getEvent(created.externalId)).toMatchObject({ title: 'Coachgesprek 2 (verzet)', description: edited, startMs: T0 + DAY, endMs: T0 + DAY + HOUR });
    });

    it('freeBusy returns created events within the range, clipped and merged', async () => {
      const { provider } = await factory();
      await provider.createEvent(event({ startMs: T0, endMs: T0 + HOUR }));
      await provider.createEvent(event({ startMs: T0 + HOUR, endMs: T0 + 2 * HOUR }));
      await provider.createEvent(event({ startMs: T0 + 7 * DAY, endMs: T0 + 7 * DAY + HOUR }));
      await provider.createEvent(event({ startMs: T0 + 120 * DAY, endMs: T0 + 120 * DAY + HOUR }));

      expect(await provider.freeBusy({ fromMs: T0 - DAY, toMs: T0 + DAY })).toEqual([{ startMs: T0, endMs: T0 + 2 * HOUR }]);
      expect(await provider.freeBusy({ fromMs: T0 + 30 * 60_000, toMs: T0 + 90 * 60_000 })).toEqual([{ startMs: T0 + 30 * 60_000, endMs: T0 + 90 * 60_000 }]);
      expect(await provider.freeBusy({ fromMs: T0 + 2 * HOUR, toMs: T0 + 7 * DAY })).toEqual([]);
      expect(await provider.freeBusy({ fromMs: T0 - DAY, toMs: T0 + 150 * DAY })).toEqual([
        { startMs: T0, endMs: T0 + 2 * HOUR },
        { startMs: T0 + 7 * DAY, endMs: T0 + 7 * DAY + HOUR },
        { startMs: T0 + 120 * DAY, endMs: T0 + 120 * DAY + HOUR },
      ]);
    });

    it('delete then get is null, a second delete is fine, and the time is free again', async () => {
      const h = await factory();
      const created = await h.provider.createEvent(event());
      await h.provider.deleteEvent(created.externalId);
      expect(await h.provider.getEvent(created.externalId)).toBeNull();
      await h.provider.deleteEvent(created.externalId);
      expect(await h.provider.freeBusy({ fromMs: T0 - DAY, toMs: T0 + DAY })).toEqual([]);
      expect(await h.countEvents()).toBe(0);
    });

    it('updating an unknown event is not_found', async () => {
      const { provider } = await factory();
      const missing = 'abcdefghij0123456789';
      expect(await provider.getEvent(missing)).toBeNull();
      expect((await rejection(provider.updateEvent(missing, { title: 'x' }))).kind).toBe('not_found');
    });

    it('asks for a meeting link when the provider makes them', async (ctx) => {
      const { provider } = await factory();
      if (provider.flags.conference === null) return ctx.skip();
      const created = await provider.createEvent(event({ conference: true }));
      const got = await provider.getEvent(created.externalId);
      expect(got?.meetingUrl).toMatch(/^https:\/\//);
      if (created.meetingUrl !== undefined) expect(got?.meetingUrl).toBe(created.meetingUrl);
    });

    describe('vendor failures', () => {
      it('429 is rate_limit with Retry-After in ms', async (ctx) => {
        const h = await factory();
        if (!h.remote) return ctx.skip();
        h.remote.failNext(429, { 'retry-after': '7' });
        const error = await rejection(h.provider.freeBusy({ fromMs: T0, toMs: T0 + DAY }));
        expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 7000, retryable: true });
      });

      it('5xx is upstream and retryable', async (ctx) => {
        const h = await factory();
        if (!h.remote) return ctx.skip();
        h.remote.failNext(503);
        expect(await rejection(h.provider.createEvent(event()))).toMatchObject({ kind: 'upstream', status: 503, retryable: true });
        h.remote.failNext(500);
        expect(await rejection(h.provider.getEvent('abcdefghij0123456789'))).toMatchObject({ kind: 'upstream', status: 500 });
      });

      it('a 404 on update is not_found and not retryable', async (ctx) => {
        const h = await factory();
        if (!h.remote) return ctx.skip();
        const created = await h.provider.createEvent(event());
        h.remote.failNext(404);
        expect(await rejection(h.provider.updateEvent(created.externalId, { title: 'x' }))).toMatchObject({ kind: 'not_found', retryable: false });
      });

      it('a rejected token is refreshed once for concurrent calls, saved once, and the calls succeed', async (ctx) => {
        const h = await factory();
        if (!h.remote) return ctx.skip();
        const created = await h.provider.createEvent(event());
        h.remote.revokeAccessTokens();
        const results = await Promise.all([1, 2, 3].map(() => h.provider.getEvent(created.externalId)));
        expect(results.map((r) => r?.externalId)).toEqual([created.externalId, created.externalId, created.externalId]);
        expect(h.remote.refreshes()).toBe(1);
        expect(h.remote.saved).toHaveLength(1);
        expect(h.remote.saved[0]?.refreshToken).toBeTruthy();
      });

      it('an expired token is refreshed before the call', async (ctx) => {
        const h = await factory({ expiredCredentials: true });
        if (!h.remote) return ctx.skip();
        expect(await h.provider.freeBusy({ fromMs: T0, toMs: T0 + DAY })).toEqual([]);
        expect(h.remote.refreshes()).toBe(1);
        expect(h.remote.rejections()).toBe(0);
        expect(h.remote.saved).toHaveLength(1);
      });

      it('a fresh token rejected too is retryable, not a refused grant (the refresh itself worked)', async (ctx) => {
        const h = await factory();
        if (!h.remote) return ctx.skip();
        h.remote.failNext(401);
        h.remote.failNext(401);
        expect(await rejection(h.provider.getEvent('abcdefghij0123456789'))).toMatchObject({ kind: 'upstream', status: 401, retryable: true });
        expect(h.remote.refreshes()).toBe(1);
      });
    });
  });
}
