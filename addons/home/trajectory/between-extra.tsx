/** The between-sessions part of a trajectory in /app: builds the trajectory model on the home's API client and shows timeline, chart and settings. */
import { useMemo } from 'preact/hooks';
import type { ProgressSeries, Timeline, TimelineItem, TouchpointSettings } from '../../../shared/protocol';
import type { JsonFetch } from '../../common/shell/http';
import type { TrajectoryExtraProps } from './slot';
import { createTrajectory } from './trajectory-model';
import { TrajectoryView } from './trajectory-view';

const enc = encodeURIComponent;

/** A trajectory model on API v1 through `json` (the home's bearer-token client). */
export function trajectoryOn(json: JsonFetch, engagementId: string) {
  return createTrajectory(
    {
      timeline: (id) => json<Timeline>('GET', `/api/engagements/${enc(id)}/timeline`),
      progress: (id) => json<ProgressSeries>('GET', `/api/engagements/${enc(id)}/progress`),
      skip: (id) => json<TimelineItem>('POST', `/api/touchpoints/${enc(id)}/skip`),
      patchSettings: (id, patch) => json<TouchpointSettings>('PATCH', `/api/engagements/${enc(id)}/touchpoints`, patch),
      settings: (id) => json<TouchpointSettings>('GET', `/api/engagements/${enc(id)}/touchpoints`),
    },
    engagementId,
  );
}

/** One trajectory's between-session view; times in the browser's zone (the coach's, in /app). */
export function BetweenExtra({ engagement, json, locale }: TrajectoryExtraProps) {
  const model = useMemo(() => trajectoryOn(json, engagement.id), [engagement.id]);
  return <TrajectoryView model={model} locale={locale} zone={Intl.DateTimeFormat().resolvedOptions().timeZone} />;
}
