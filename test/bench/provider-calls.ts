/** Provider calls per calendar write, counted against the HTTP fakes of Google Calendar and Microsoft Graph (bundled and run by test/bench/run.mjs). */
import { replaceBlock } from '../../shared/invite/block';
import { createGoogleCalendar } from '../../worker/providers/google';
import { createMicrosoftCalendar } from '../../worker/providers/microsoft';
import type { CalendarProvider, RemoteDeps } from '../../worker/providers/types';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';

type Fake = { fetch: (req: Request) => Promise<Response>; auth: { grant(): RemoteDeps['credentials'] }; requests: unknown[] };

const block = (n: number) => ({ text: `[cc:begin] agenda v${n} [cc:end]`, html: `<p>[cc:begin] agenda v${n} [cc:end]</p>` });

/** Calls made by: creating the event; publishing an update that keeps the coach's own text (read, merge, write with the etag). */
async function count(fake: Fake, make: (deps: RemoteDeps) => CalendarProvider) {
  const provider = make({ fetch: fake.fetch, credentials: fake.auth.grant(), saveToken: async () => {} });
  const start = Date.UTC(2027, 2, 28, 11);
  const before = fake.requests.length;
  const created = await provider.createEvent({ eventKey: 'bench-session-0001', title: 'Sessie', description: block(1).html, startMs: start, endMs: start + 3_600_000, timeZone: 'Europe/Amsterdam', attendees: [{ email: 'sanne@example.org' }], conference: false });
  const createCalls = fake.requests.length - before;
  const current = (await provider.getEvent(created.externalId))!;
  await provider.updateEvent(created.externalId, { description: replaceBlock(current.description, block(2), provider.flags.descriptionFormat) }, { etag: current.etag });
  return { create: createCalls, update: fake.requests.length - before - createCalls };
}

/** Calls per write for each remote calendar. */
export async function providerCalls() {
  return {
    google: await count(new GoogleCalendarFake() as unknown as Fake, (deps) => createGoogleCalendar(deps)),
    microsoft: await count(new MicrosoftGraphFake() as unknown as Fake, (deps) => createMicrosoftCalendar(deps, { mailbox: 'coach@example.org' })),
  };
}
