/** Worker entry: the Hono app for HTTP, and the SessionRoom Durable Object class. */
import { createApp } from './app';
import type { Env } from './env';

export { SessionRoom } from './live/session-room';

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
