/**
 * The place in a trajectory's view for what others build about it (alerts, the timeline of touchpoints, a progress chart):
 * each module under addons/home/trajectory/ pushes a component here and the trajectory view renders them in order, below the
 * intake. A component gets the trajectory and the API client; it loads its own data.
 */
import type { ComponentType } from 'preact';
import type { Engagement, Locale } from '../../../shared/protocol';
import type { HomeJson } from '../home-model';

/** What every trajectory extra receives. */
export type TrajectoryExtraProps = { engagement: Engagement; json: HomeJson; locale: Locale };

/** Registered extras, rendered in order. */
export const TRAJECTORY_EXTRAS: ComponentType<TrajectoryExtraProps>[] = [];
