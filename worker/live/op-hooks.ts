/** What runs after a live op was persisted (outside the room's critical path): e.g. an agreement's reminder follows its due date. */
import type { Op } from '../../shared/protocol';
import type { Env } from '../env';
import { logError } from '../http/log';

/** A step after an op was stored; it gets the session's coach and trajectory. Failures are logged, never fail the op. */
export type OpHook = (env: Env, at: { coachId: string; engagementId: string; sessionId: string }, op: Op) => Promise<void>;

/** Registered at module load by the features that follow live changes. */
export const OP_HOOKS: OpHook[] = [];

/** Runs every hook for one persisted op. */
export async function runOpHooks(env: Env, at: { coachId: string; engagementId: string; sessionId: string }, op: Op): Promise<void> {
  for (const hook of OP_HOOKS) {
    try {
      await hook(env, at, op);
    } catch (error) {
      logError('op hook failed', error, op.kind);
    }
  }
}
