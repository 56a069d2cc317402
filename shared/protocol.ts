/** The wire contract between worker and add-ons (API v1 and live ops); zod schemas only. */
export * from './schemas/common';
export * from './schemas/coach';
export * from './schemas/model';
export * from './schemas/session';
export * from './schemas/live';
export * from './schemas/views';
export * from './schemas/booking';
export * from './schemas/onboarding';
export * from './schemas/meetings';
export * from './schemas/touchpoints';
