/**
 * Worker test setup: applies the D1 migrations before each test file, as production does on deploy; records every statement the
 * Worker prepares through the storage seam during the file and, after it, fails when one of them scans a whole base table.
 */
import { applyD1Migrations, env } from 'cloudflare:test';
import { afterAll } from 'vitest';
import { planProblems, recorder, startRecording } from './statements';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
startRecording();

afterAll(async () => {
  const problems = await planProblems(recorder.texts);
  // A statement that reads a whole table costs more with every coach: give it an index (a migration) or an allow-list entry that says why.
  if (problems.length > 0) throw new Error(`full table scans (see test/worker/statements.ts):\n${problems.join('\n')}`);
});
