/**
 * The crash harness at CI size (issue 6 item 5): 15 SIGKILLs of a child workstation that accepts
 * and sends applications, then a drain. The full count (≥200 kills) is `npm run test:crash`.
 * The schedule's seed is random per run and part of every failure message, so a failing schedule
 * can be replayed with `npm run test:crash -- --kills 15 --seed <seed>`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/workstationHarness';
import { runCrashHarness } from './crashHarness';

const KILLS = 15;

describe('crash harness (CI size)', () => {
  it(`loses nothing acknowledged and registers nothing twice across ${KILLS} SIGKILLs`, async () => {
    const summary = await runCrashHarness({
      kills: KILLS,
      // A bound, not a target: a slow machine stops early rather than time out the suite.
      maxMinutes: 2,
      drainTimeoutMs: 60_000,
      resultFile: path.join(REPO_ROOT, 'test-results', 'crash-ci.json'),
    });
    const context = `seed ${summary.seed}; data kept in ${summary.workDir ?? '(removed)'}`;
    expect(summary.violations, context).toEqual([]);
    const { lost, missingFromDatabase, duplicates, notRegisteredAfterDrain } = summary;
    expect({ lost, missingFromDatabase, duplicates, notRegisteredAfterDrain }, context).toEqual({ lost: 0, missingFromDatabase: 0, duplicates: 0, notRegisteredAfterDrain: 0 });
    expect(summary.kills, context).toBeGreaterThanOrEqual(summary.timeBoundReached ? 5 : KILLS);
    expect(summary.acked, context).toBeGreaterThan(0);
    expect(summary.ackedRegistered, context).toBe(summary.acked);
    expect(summary.ok, context).toBe(true);
  }, 240_000);
});
