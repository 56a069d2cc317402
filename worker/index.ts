/** Worker entry: the Hono app for HTTP, the outbox queue consumer, cron, and the SessionRoom and CoachBooking Durable Object classes. */
import { createApp } from './app';
import type { Env } from './env';
import { runCron } from './jobs/cron';
import { consumeOutbox, type Job } from './jobs/outbox';

export { CoachBooking } from './live/coach-booking';
export { SessionRoom } from './live/session-room';

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env, _ctx) => consumeOutbox(batch as MessageBatch<Job>, env),
  scheduled: async (controller, env, ctx) => {
    ctx.waitUntil(runCron(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env, Job>;
