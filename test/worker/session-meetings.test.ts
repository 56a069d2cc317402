// Linking host meetings to sessions and finding them again: ids, Meet codes, join links (Teams' short links included), scoping.
import { describe, expect, it } from 'vitest';
import { call, expectProblem, planSession, setup, signIn } from './helpers';

const SHORT = 'https://teams.microsoft.com/meet/3817263540123?p=Xy7aBcDeFgHiJk';
const THREAD = '19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2';

const find = (token: string, query: string) => call('GET', `/api/sessions/by-meeting?${query}`, { token });

describe('meeting links', () => {
  it('finds a session by the meeting id it was linked with, in that host only', async () => {
    const { token, session } = await setup();
    const linked = await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'zoom', meetingId: 'Hx8f1zq3Sg6+9aZ1yQ==' } });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.id).toBe(session.id);
    expect((await find(token, 'host=zoom&meetingId=Hx8f1zq3Sg6%2B9aZ1yQ%3D%3D')).body.id).toBe(session.id);
    expectProblem(await find(token, 'host=teams&meetingId=Hx8f1zq3Sg6%2B9aZ1yQ%3D%3D'), 404);
  });

  it('matches a Teams short join link whatever its passcode or tracking parameters, from any host', async () => {
    const { token, session } = await setup();
    expect((await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'teams', joinUrl: SHORT } })).status).toBe(200);
    const again = await find(token, `host=browser&joinUrl=${encodeURIComponent('https://teams.microsoft.com/meet/3817263540123?p=other&anon=true')}`);
    expect(again.body.id).toBe(session.id);
    expectProblem(await find(token, `host=teams&joinUrl=${encodeURIComponent('https://teams.microsoft.com/meet/3817263540124?p=Xy7aBcDeFgHiJk')}`), 404);
  });

  it('an older Teams link also yields its chat thread, which the Teams panel looks up', async () => {
    const { token, session } = await setup();
    const long = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
    await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'browser', joinUrl: long } });
    expect((await find(token, `host=teams&meetingId=${encodeURIComponent(THREAD)}`)).body.id).toBe(session.id);
  });

  it('a Meet link names its code; the Meet panel finds the session by code', async () => {
    const { token, session } = await setup();
    await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'browser', joinUrl: 'https://meet.google.com/abc-defg-hij?authuser=1' } });
    expect((await find(token, 'host=meet&code=ABC-DEFG-HIJ')).body.id).toBe(session.id);
  });

  it('linking the meeting to another session moves it there', async () => {
    const { token, session, engagement } = await setup();
    const other = await planSession(token, engagement.id, new Date(Date.parse(session.startsAt) + 7 * 86_400_000).toISOString());
    await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'meet', meetingId: 'spaces/abc', code: 'abc-defg-hij' } });
    await call('POST', `/api/sessions/${other.id}/meeting`, { token, body: { host: 'meet', meetingId: 'spaces/abc' } });
    expect((await find(token, 'host=meet&meetingId=spaces%2Fabc')).body.id).toBe(other.id);
    expect((await find(token, 'host=meet&code=abc-defg-hij')).body.id).toBe(session.id);
  });

  it("another coach's session answers 404 and its links stay invisible", async () => {
    const { token, session } = await setup();
    await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'zoom', meetingId: '81234567890' } });
    const stranger = await signIn();
    expectProblem(await call('POST', `/api/sessions/${session.id}/meeting`, { token: stranger, body: { host: 'zoom', meetingId: '1' } }), 404);
    expectProblem(await find(stranger, 'host=zoom&meetingId=81234567890'), 404);
  });

  it('refuses a link without any reference, an unknown host and a join link that is no link, naming the field', async () => {
    const { token, session } = await setup();
    expectProblem(await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'zoom' } }), 422, 'meetingId');
    expectProblem(await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'skype', meetingId: 'x' } }), 422, 'host');
    expectProblem(await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'teams', joinUrl: 'teams/meet/1' } }), 422, 'joinUrl');
    expectProblem(await find(token, 'host=zoom'), 422, 'meetingId');
  });

  it('erasing the coachee removes the links with the sessions', async () => {
    const { token, session, coachee } = await setup();
    await call('POST', `/api/sessions/${session.id}/meeting`, { token, body: { host: 'zoom', meetingId: '89999999999' } });
    expect((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status).toBe(204);
    expectProblem(await find(token, 'host=zoom&meetingId=89999999999'), 404);
  });
});
