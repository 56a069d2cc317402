/** The first run's code in one chunk, loaded only in a meeting no session knows yet: its writes and its view. */
export { createFirstRun, meetingLinkOf, trajectoriesOf } from './first-run';
export { FirstRunView } from './first-run-view';
