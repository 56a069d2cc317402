/** Types of heavy-coach.mjs. */
export function heavyCoachSql(p: { coachId: string; engagementId: string; coacheeId: string; nowMs: number; sessions?: number }): string[];
