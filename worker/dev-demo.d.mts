/** Types of worker/dev-demo.mjs for the tests that run the dev start's demo preparation. */

/** Publishes the seeded demo sessions and plans the demo trajectory's touchpoints through the product's routes. */
export function prepareDemo(base: string): Promise<void>;
