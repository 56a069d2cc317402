/**
 * The place in a trajectory's view for what others build about it (alerts, the timeline of touchpoints, a progress chart):
 * each module under addons/home/trajectory/ pushes a component here and the trajectory view renders them in order, below the
 * intake. A component gets the trajectory and the API client; it loads its own data. `SESSIONS_EXTRAS` is the same for
 * the top of the sessions page.
 */
import type { ComponentType } from 'preact';
import type { Engagement, Locale } from '../../../shared/protocol';
import type { HomeJson } from '../home-model';

/** What every trajectory extra receives. */
export type TrajectoryExtraProps = { engagement: Engagement; json: HomeJson; locale: Locale };

/** Registered extras, rendered in order. */
export const TRAJECTORY_EXTRAS: ComponentType<TrajectoryExtraProps>[] = [];

/** What every extra at the top of the sessions page (e.g. the coach's alerts) receives. */
export type SessionsExtraProps = { json: HomeJson; locale: Locale; zone: string };

/** Extras shown above the upcoming sessions, in order (the coach's alerts belong here). */
export const SESSIONS_EXTRAS: ComponentType<SessionsExtraProps>[] = [];
