/** Coach routes of between-session work: a trajectory's timeline, touchpoint settings, skip, progress series, and what came in since the last session. */
import { Hono, type Context } from 'hono';
import { BetweenSessions, ProgressSeries, Timeline, TimelineItem, TouchpointSettings, TouchpointSettingsPatch } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { notFound } from '../http/problem';
import { replanEngagement, sessionsOfEngagement } from '../between/replan';
import { toTimelineItem } from '../between/views';
import { listAlerts, toAlert } from '../storage/alerts';
import { getCoachee } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { getEngagement } from '../storage/engagements';
import { getSession, neighbours } from '../storage/sessions';
import { batch } from '../storage/sql';
import { iso } from '../storage/time';
import { getSettings, holdTouchpoint, listTouchpoints, saveSettings } from '../storage/touchpoints';

/** Routes under `/api` (engagements' touchpoints, touchpoints, sessions' between view). */
export const touchpointRoutes = new Hono<AppEnv>();
touchpointRoutes.use('/engagements/*', requireCoach);
touchpointRoutes.use('/touchpoints/*', requireCoach);
touchpointRoutes.use('/sessions/*', requireCoach);
const M = '/api';

async function trajectory(c: Context<AppEnv>, id: string) {
  const coachId = c.get('coachId');
  const db = coachDb(c.env, coachId);
  const engagement = await getEngagement(db, coachId, id);
  const coachee = engagement ? await getCoachee(db, coachId, engagement.coachee_id) : null;
  if (!engagement || !coachee) throw notFound('Engagement');
  return { coachId, db, engagement, coachee };
}

endpoint(touchpointRoutes, M, { method: 'get', path: '/engagements/:id/timeline', tag: 'between', summary: 'What was and will be sent between sessions, with the coachee\'s answers.', response: Timeline }, async (c) => {
  const { coachId, db, engagement, coachee } = await trajectory(c, param(c, 'id'));
  const [rows, { settings }] = await Promise.all([listTouchpoints(db, coachId, engagement.id), getSettings(db, coachId, engagement.id)]);
  return c.json({ paused: settings.paused, items: rows.map((t) => toTimelineItem(t, coachee.locale, settings)) } satisfies Timeline);
});

endpoint(touchpointRoutes, M, { method: 'get', path: '/engagements/:id/touchpoints', tag: 'between', summary: 'The trajectory\'s touchpoint settings.', response: TouchpointSettings }, async (c) => {
  const { coachId, db, engagement } = await trajectory(c, param(c, 'id'));
  return c.json((await getSettings(db, coachId, engagement.id)).settings);
});

endpoint(
  touchpointRoutes,
  M,
  { method: 'patch', path: '/engagements/:id/touchpoints', tag: 'between', summary: 'Changes touchpoint settings per kind (on/off, delay, cadence), pauses, picks micro-learning; replans at once.', body: TouchpointSettingsPatch, response: TouchpointSettings },
  async (c, { body }) => {
    const { coachId, db, engagement } = await trajectory(c, param(c, 'id'));
    const nowMs = Date.now();
    const stored = await getSettings(db, coachId, engagement.id);
    const next: TouchpointSettings = { ...stored.settings };
    for (const [k, v] of Object.entries(body)) {
      const cur = (next as Record<string, unknown>)[k];
      (next as Record<string, unknown>)[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' ? { ...cur, ...v } : v;
    }
    // "At once" picks get the moment they were picked, so replanning later does not move them.
    next.learning = { ...next.learning, items: next.learning.items.map((i) => ({ ...i, at: i.at ?? stored.settings.learning.items.find((o) => o.id === i.id)?.at ?? iso(nowMs) })) };
    await batch(db, [saveSettings(db, coachId, engagement.id, { ...stored, settings: next }, nowMs)]);
    await replanEngagement(c.env, coachId, engagement.id, nowMs);
    return c.json(next);
  },
);

endpoint(touchpointRoutes, M, { method: 'post', path: '/touchpoints/:id/skip', tag: 'between', summary: 'Skips one planned touchpoint (it stays skipped).', response: TimelineItem }, async (c) => {
  const coachId = c.get('coachId');
  const db = coachDb(c.env, coachId);
  const row = await holdTouchpoint(db, coachId, param(c, 'id'), 'skipped');
  if (!row) throw notFound('Planned touchpoint');
  const engagement = await getEngagement(db, coachId, row.engagement_id);
  const coachee = engagement ? await getCoachee(db, coachId, engagement.coachee_id) : null;
  // A skipped check-in makes room for the next one.
  await replanEngagement(c.env, coachId, row.engagement_id, Date.now());
  return c.json(toTimelineItem(row, coachee?.locale ?? 'nl', (await getSettings(db, coachId, row.engagement_id)).settings));
});

endpoint(touchpointRoutes, M, { method: 'get', path: '/engagements/:id/progress', tag: 'between', summary: 'Check-in scores and evaluation results as series for a chart.', response: ProgressSeries }, async (c) => {
  const { coachId, db, engagement } = await trajectory(c, param(c, 'id'));
  // Each point sits at the moment the question was asked (a late answer still belongs to its week).
  const rows = (await listTouchpoints(db, coachId, engagement.id)).filter((t) => t.status === 'answered' && t.score !== null);
  const sessions = await sessionsOfEngagement(db, coachId, engagement.id);
  const series = (key: 'checkin' | 'evaluation') => ({ key, points: rows.filter((t) => t.kind === key).map((t) => ({ at: iso(t.due_at), value: t.score!, touchpointId: t.id })) });
  return c.json({ series: [series('checkin'), series('evaluation')], sessions: sessions.map((s) => ({ id: s.id, startsAt: iso(s.starts_at) })) } satisfies ProgressSeries);
});

endpoint(touchpointRoutes, M, { method: 'get', path: '/sessions/:id/between', tag: 'between', summary: 'What came in since the previous session (answers and alerts), for the panel.', response: BetweenSessions }, async (c) => {
  const coachId = c.get('coachId');
  const db = coachDb(c.env, coachId);
  const session = await getSession(db, coachId, param(c, 'id'));
  if (!session) throw notFound('Session');
  const { previous } = await neighbours(db, session);
  const sinceMs = previous ? previous.ends_at : 0;
  const [rows, { settings }, coachee, alerts] = await Promise.all([
    listTouchpoints(db, coachId, session.engagement_id),
    getSettings(db, coachId, session.engagement_id),
    getCoachee(db, coachId, session.coachee_id),
    listAlerts(db, coachId, { engagementId: session.engagement_id, sinceMs, limit: 20 }),
  ]);
  const items = rows.filter((t) => t.status === 'answered' && (t.answered_at ?? 0) >= sinceMs && (t.answered_at ?? 0) <= session.ends_at);
  return c.json({ since: previous ? iso(sinceMs) : null, items: items.map((t) => toTimelineItem(t, coachee?.locale ?? 'nl', settings)), alerts: alerts.map(toAlert) } satisfies BetweenSessions);
});
