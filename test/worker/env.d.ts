/** Types the test bindings: the Worker's Env plus the migrations the setup file applies. */
import '../../worker/env';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    }
  }
}
