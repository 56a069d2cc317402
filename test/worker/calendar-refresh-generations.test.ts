/** Token refresh with connection generations: a refresh stores only into the generation it loaded, over what it read, and adopts only that generation's credentials. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { open } from '../../worker/auth/crypto';
import { calendarProviderOf } from '../../worker/services/calendar-connection';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { activeConnectionId, blockProviderTraffic, connections, connectProvider, oauthEnv, syncOk, routedCoach } from './calendar-helpers';
import { setup } from './helpers';

afterAll(blockProviderTraffic);

/** 09:00 UTC yesterday. */
const yesterday = () => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000 + 9 * 3_600_000).toISOString();

describe('token refresh across generations', () => {
  const rowOf = (id: number) => env.DB.prepare('SELECT * FROM calendar_connections WHERE id = ?1').bind(id).first<Record<string, string | number | null>>();
  const credentialsOf = async (coachId: string, id: number) => {
    const row = (await rowOf(id))!;
    const sealed = { keyId: String(row.key_id), iv: String(row.iv), data: String(row.credentials_ciphertext) };
    return JSON.parse(await open(env.NOTES_KEYS, sealed, `calendar:${coachId}:${String(row.provider)}`)) as { accessToken: string; refreshToken: string };
  };

  it('jobs that loaded the old connection refresh into it only: the connection made since keeps its credentials', async () => {
    const fake = new MicrosoftGraphFake();
    const bindings = oauthEnv({ microsoft: fake.auth });
    const { token, coachId } = await routedCoach(fake.fetch);
    await connectProvider(token, 'microsoft', fake.auth.grant(), bindings);
    const { session } = await setup({ token, startsAt: yesterday() });
    await syncOk(session.id, 'booked', bindings); // the first generation made an event, so it stays (retired) after the reconnect
    const oldId = await activeConnectionId(coachId, 'microsoft');
    const first = await calendarProviderOf(bindings, coachId, 'microsoft');
    const second = await calendarProviderOf(bindings, coachId, 'microsoft');

    await connectProvider(token, 'microsoft', fake.auth.grant(), bindings);
    const newId = await activeConnectionId(coachId, 'microsoft');
    const newRow = await rowOf(newId);
    const oldRow = await rowOf(oldId);
    fake.auth.revokeAccessTokens();
    expect(await first.getEvent('AAMkAGNoSuchEvent=')).toBeNull();
    // The second refreshes with the token the first has rotated away (invalid_grant) and takes what the first stored: same generation.
    expect(await second.getEvent('AAMkAGNoSuchEvent=')).toBeNull();
    expect(fake.auth.refreshes).toBe(1);

    expect(await rowOf(newId)).toEqual(newRow);
    expect((await rowOf(oldId))?.iv).not.toBe(oldRow?.iv);
    const old = await credentialsOf(coachId, oldId);
    expect(fake.auth.knowsRefreshToken(old.refreshToken)).toBe(true);
    expect(fake.requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${old.accessToken}`);
    expect(old.accessToken).not.toBe((await credentialsOf(coachId, newId)).accessToken);
  });

  it('a refresh of a generation dropped meanwhile stores nothing and still serves its job', async () => {
    const fake = new MicrosoftGraphFake();
    const bindings = oauthEnv({ microsoft: fake.auth });
    const { token, coachId } = await routedCoach(fake.fetch);
    await connectProvider(token, 'microsoft', fake.auth.grant(), bindings);
    const stale = await calendarProviderOf(bindings, coachId, 'microsoft');
    await connectProvider(token, 'microsoft', fake.auth.grant(), bindings); // the first made nothing: dropped at once
    expect(await connections(coachId)).toEqual([{ provider: 'microsoft', retired: false }]);
    const newId = await activeConnectionId(coachId, 'microsoft');
    const newRow = await rowOf(newId);

    fake.auth.revokeAccessTokens();
    expect(await stale.getEvent('AAMkAGNoSuchEvent=')).toBeNull();
    expect(fake.auth.refreshes).toBe(1);
    expect(await rowOf(newId)).toEqual(newRow);
    expect(await connections(coachId)).toEqual([{ provider: 'microsoft', retired: false }]);
  });

  it('two refreshes of one generation: the later store does not overwrite what the first stored after both read', async () => {
    const fake = new GoogleCalendarFake();
    const bindings = oauthEnv({ google: fake.auth });
    const { token, coachId } = await routedCoach(fake.fetch);
    await connectProvider(token, 'google', fake.auth.grant(), bindings);
    const id = await activeConnectionId(coachId, 'google');
    const [first, second] = [await calendarProviderOf(bindings, coachId, 'google'), await calendarProviderOf(bindings, coachId, 'google')];
    fake.auth.revokeAccessTokens();
    expect(await first.getEvent('nosuchevent0')).toBeNull();
    const stored = await credentialsOf(coachId, id);
    // Google does not rotate refresh tokens: the second refresh succeeds too, but stores nothing over what it did not read.
    expect(await second.getEvent('nosuchevent0')).toBeNull();
    expect(fake.auth.refreshes).toBe(2);
    expect(await credentialsOf(coachId, id)).toEqual(stored);
    expect(fake.requests.at(-1)?.headers.get('authorization')).not.toBe(`Bearer ${stored.accessToken}`);
  });
});
