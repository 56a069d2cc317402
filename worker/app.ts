/** The Hono app: body limit, one error mapping, and one sub-app per resource. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { ApiProblem, onError, problemResponse } from './http/problem';
import './jobs/calendar-triggers';
import './between/hooks';
import { alertRoutes } from './routes/alerts';
import { authRoutes } from './routes/auth';
import { bookingRoutes } from './routes/booking';
import { calendarRoutes } from './routes/calendar';
import { coacheeBookingRoutes } from './routes/coachee-booking';
import { coacheeLinkRoutes } from './routes/coachee-link';
import { coacheeRoutes } from './routes/coachees';
import { coacheeTouchpointRoutes } from './routes/coachee-touchpoints';
import { devMailRoutes } from './routes/dev-mail';
import { engagementRoutes } from './routes/engagements';
import { coacheeOnboardingRoutes } from './routes/coachee-onboarding';
import { googleAddonRoutes } from './routes/google-addon';
import { homeRoutes } from './routes/home';
import { healthRoutes } from './routes/health';
import { hostAuthRoutes } from './routes/host-auth';
import { icsRoutes } from './routes/ics';
import { meRoutes } from './routes/me';
import { modelRoutes } from './routes/models';
import { pageRoutes } from './routes/pages';
import { preferencesPageRoutes } from './routes/preferences-page';
import { referralRoutes } from './routes/referral';
import { sessionItemRoutes } from './routes/session-items';
import { sessionChangeRoutes } from './routes/session-changes';
import { sessionMeetingRoutes } from './routes/session-meetings';
import { calendarConnectRoutes } from './routes/calendar-connect';
import { webSignInRoutes } from './routes/web-sign-in';
import { zoomInstalledRoutes } from './routes/zoom-installed';
import { sessionRoutes } from './routes/sessions';
import { touchpointRoutes } from './routes/touchpoints';

/** Largest request body accepted (bytes); larger ones answer 413 before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Builds the Worker's app.
 * @see https://hono.dev/docs/guides/best-practices#building-a-larger-application
 */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problemResponse(
          new ApiProblem(413, '/problems/payload-too-large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB`, [{ in: 'body', field: 'body', pointer: '#', detail: 'too large' }]),
          new URL(c.req.url).pathname,
        ),
    }),
  );
  app.route('/', healthRoutes);
  app.route('/', pageRoutes);
  app.route('/', homeRoutes);
  app.route('/', webSignInRoutes);
  app.route('/', calendarConnectRoutes);
  app.route('/', zoomInstalledRoutes);
  app.route('/api/auth', authRoutes);
  app.route('/api/auth', hostAuthRoutes);
  app.route('/api/me', meRoutes);
  app.route('/api/models', modelRoutes);
  app.route('/api/coachees', coacheeRoutes);
  app.route('/api/engagements', engagementRoutes);
  app.route('/api/c', coacheeLinkRoutes);
  app.route('/api/c', coacheeBookingRoutes);
  app.route('/api/c', coacheeOnboardingRoutes);
  app.route('/api', sessionChangeRoutes);
  app.route('/api/sessions', bookingRoutes);
  app.route('/api/sessions', referralRoutes);
  app.route('/api/sessions', sessionMeetingRoutes);
  app.route('/api/sessions', sessionRoutes);
  app.route('/api', sessionItemRoutes);
  app.route('/api', calendarRoutes);
  app.route('/', icsRoutes);
  app.route('/addons/google', googleAddonRoutes);
  app.route('/api', touchpointRoutes);
  app.route('/api', alertRoutes);
  app.route('/api', coacheeTouchpointRoutes);
  app.route('/', devMailRoutes);
  app.route('/', preferencesPageRoutes);
  app.notFound((c) => problemResponse(new ApiProblem(404, '/problems/not-found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), new URL(c.req.url).pathname));
  app.onError(onError);
  return app;
}
