/** The local calendar feed: no coachee capability links in it, replaceable, and silent once the coach's calendar is elsewhere. */
import { afterAll, describe, expect, it } from 'vitest';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { blockProviderTraffic, connectProvider, routedCoach, syncOk } from './calendar-helpers';
import { call, expectProblem, setup } from './helpers';

afterAll(blockProviderTraffic);

const feedPath = async (token: string) => new URL((await call('GET', '/api/me', { token })).body.calendar.icsUrl).pathname;

describe('local calendar feed', () => {
  it('leaves every coachee link out of the feed, while the invite keeps it', async () => {
    const { token, engagement, session } = await setup();
    await syncOk(session.id);
    const link = (await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url as string;
    const feed = await call('GET', await feedPath(token));
    expect(feed.status).toBe(200);
    const ics = (feed.body as string).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('Meer rust en regie in mijn werk');
    expect(ics).not.toContain(new URL(link).pathname.split('/c/')[1]!);
    expect(ics).not.toMatch(/\/c\/[A-Za-z0-9_-]+\.\d+\.\d+\./);
    expect(ics).toContain('niet in deze feed');
    const invite = await call('GET', `/api/sessions/${session.id}/invite.ics`, { token });
    expect((invite.body as string).replace(/\r\n[ \t]/g, '')).toContain(new URL(link).pathname);
  });

  it('answers 404 once the coach’s calendar is another provider, and again after the address is replaced', async () => {
    const google = new GoogleCalendarFake();
    const { token } = await routedCoach(google.fetch);
    const path = await feedPath(token);
    expect((await call('GET', path)).status).toBe(200);
    await connectProvider(token, 'google', google.auth.grant());
    expectProblem(await call('GET', path), 404);
    expect((await call('DELETE', '/api/me/calendar', { token })).status).toBeLessThan(300);
    expect((await call('GET', path)).status).toBe(200);
    const replaced = await call('POST', '/api/me/calendar/feed', { token });
    expect(replaced.status).toBe(200);
    expectProblem(await call('GET', path), 404);
    expect((await call('GET', new URL(replaced.body.calendar.icsUrl).pathname)).status).toBe(200);
  });
});
