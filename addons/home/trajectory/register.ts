/** Puts the between-sessions view (timeline, chart, settings) into every trajectory of /app, through the trajectory slot. */
import { BetweenExtra } from './between-extra';
import { TRAJECTORY_EXTRAS } from './slot';

TRAJECTORY_EXTRAS.push(BetweenExtra);
