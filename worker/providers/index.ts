/** Provider registry: a plain map from provider name to factory, and the port's types re-exported. */
import { createGoogleCalendar, type GoogleCalendarOptions } from './google';
import { createLocalCalendar, type LocalCalendarOptions } from './local';
import { createMicrosoftCalendar, type MicrosoftCalendarOptions } from './microsoft';
import type { CalendarProvider, CalendarProviderName, MeetingProvider, MeetingProviderName, RemoteDeps } from './types';
import { createZoomMeetings, type ZoomOptions } from './zoom';

export * from './types';

/** How to build each calendar provider; the caller picks the branch from the coach's `calendar.provider`. */
export type CalendarConfig =
  | ({ provider: 'local' } & LocalCalendarOptions)
  | ({ provider: 'google'; deps: RemoteDeps } & GoogleCalendarOptions)
  | ({ provider: 'microsoft'; deps: RemoteDeps } & MicrosoftCalendarOptions);

type CalendarFactories = { [K in CalendarProviderName]: (config: Extract<CalendarConfig, { provider: K }>) => CalendarProvider };

/** Calendar provider name → factory. */
export const calendarProviders: CalendarFactories = {
  local: (config) => createLocalCalendar(config),
  google: (config) => createGoogleCalendar(config.deps, config),
  microsoft: (config) => createMicrosoftCalendar(config.deps, config),
};

/** Meeting provider name → factory. */
export const meetingProviders: { [K in MeetingProviderName]: (deps: RemoteDeps, options?: ZoomOptions) => MeetingProvider } = {
  zoom: createZoomMeetings,
};

/** Builds the calendar provider a config names. */
export function createCalendarProvider(config: CalendarConfig): CalendarProvider {
  switch (config.provider) {
    case 'local':
      return calendarProviders.local(config);
    case 'google':
      return calendarProviders.google(config);
    case 'microsoft':
      return calendarProviders.microsoft(config);
  }
}
