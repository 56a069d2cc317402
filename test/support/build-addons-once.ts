/** Vitest global setup of the node project: builds the add-on bundles once, before any end-to-end file serves them. */
import { buildAddons } from '../../addons/build.mjs';

/**
 * One production build for the whole run: end-to-end files running side by side then never write `dist/public` while another
 * file's Worker serves it.
 * @see https://vitest.dev/config/globalsetup
 */
export default async function setup(): Promise<void> {
  await buildAddons({ quiet: true });
}
