/** Checks one requested start against the same rules as findSlots, naming the first rule it breaks. */
import { epochToLocal } from '../time/zone';
import { dayCounts, type SlotQuery } from './find-slots';
import { blocksBetween, wallInstant, type WorkBlock } from './working-blocks';

/** Why a requested start is not bookable; the API turns it into a problem+json detail. */
export type BookingRejectReason = 'past' | 'notice' | 'outside_hours' | 'misaligned' | 'day_full' | 'busy';
export type BookingCheck = { ok: true } | { ok: false; reason: BookingRejectReason };

const MINUTE = 60_000;

/**
 * Whether `startMs` is a slot `findSlots` would offer (ignoring its from/to window). Rules are
 * checked in this order: past, notice, outside_hours, misaligned, day_full, busy.
 */
export function validateBookingStart(query: Omit<SlotQuery, 'fromMs' | 'toMs'>, startMs: number): BookingCheck {
  const { rules } = query;
  const endMs = startMs + query.durationMinutes * MINUTE;
  if (startMs < query.nowMs) return { ok: false, reason: 'past' };
  if (startMs < query.nowMs + rules.minimumNoticeMinutes * MINUTE) return { ok: false, reason: 'notice' };
  const blocks = blocksBetween(query.timeZone, query.workingHours, startMs, endMs).filter((b) => b.startMs <= startMs && endMs <= b.endMs);
  if (blocks.length === 0) return { ok: false, reason: 'outside_hours' };
  if (!blocks.some((b) => onGrid(query.timeZone, b, startMs, rules.slotStepMinutes))) return { ok: false, reason: 'misaligned' };
  const date = blocks[0]?.date ?? '';
  if ((dayCounts(query).get(date) ?? 0) >= rules.maxSessionsPerDay) return { ok: false, reason: 'day_full' };
  const from = startMs - rules.bufferBeforeMinutes * MINUTE;
  const to = endMs + rules.bufferAfterMinutes * MINUTE;
  if (query.busy.some((b) => b.endMs > b.startMs && b.startMs < to && b.endMs > from)) return { ok: false, reason: 'busy' };
  return { ok: true };
}

/** Whether `t` is a grid point of the block: whole steps of wall-clock time from its start. */
function onGrid(zone: string, block: WorkBlock, t: number, stepMinutes: number): boolean {
  const stepMs = stepMinutes * MINUTE;
  if (block.uniformOffset) return (t - block.startMs) % stepMs === 0;
  const local = epochToLocal(zone, t);
  if (t % MINUTE !== 0) return false;
  // minutes after the block's own local midnight (a block running past midnight reaches into the next day)
  const minutes = (Date.UTC(local.y, local.m - 1, local.d) - Date.UTC(block.day.y, block.day.m - 1, block.day.d)) / MINUTE + local.hh * 60 + local.mm;
  if ((minutes - block.startMinutes) % stepMinutes !== 0) return false;
  return wallInstant(zone, block, minutes) === t;
}
