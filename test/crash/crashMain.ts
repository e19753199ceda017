/**
 * `npm run test:crash [-- --kills N --max-minutes M --seed S --keep]`: the crash harness's command
 * line (scripts/runCrash.mjs bundles this file to out/crash/crashMain.mjs and runs it). Prints a
 * summary, writes it to test-results/crash.json and exits non-zero on any violation.
 */
import path from 'node:path';
import { REPO_ROOT } from '../support/workstationHarness';
import { runCrashHarness, type CrashSummary } from './crashHarness';

function parse(argv: readonly string[]): { kills: number; maxMinutes: number; seed: number | undefined; keep: boolean } {
  const out = { kills: 200, maxMinutes: 15, seed: undefined as number | undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${arg} needs a non-negative number`);
      return v;
    };
    if (arg === '--kills') out.kills = Math.floor(value());
    else if (arg === '--max-minutes') out.maxMinutes = value();
    else if (arg === '--seed') out.seed = Math.floor(value());
    else if (arg === '--keep') out.keep = true;
    else throw new Error(`unknown argument ${arg} (expected --kills N, --max-minutes M, --seed S, --keep)`);
  }
  return out;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

export function formatSummary(s: CrashSummary): string {
  const i = s.interrupted;
  return [
    `crash harness: ${s.ok ? 'PASS' : 'FAIL'} (seed ${s.seed})`,
    `  kills       ${s.kills}/${s.killsRequested}${s.timeBoundReached ? ' (time bound reached)' : ''}, lives ${s.lives}`,
    `  acked       ${s.acked} (registered ${s.ackedRegistered}); in database ${s.inDatabase}; backend registrations ${s.registered}`,
    `  lost        ${s.lost} (missing from the database at some check: ${s.missingFromDatabase})`,
    `  duplicates  ${s.duplicates}`,
    `  unregistered after drain ${s.notRegisteredAfterDrain}; refused submits ${s.refusedSubmits}; unexpected errors ${s.unexpectedErrors}`,
    `  sends       ${s.sends}; failed: ${Object.entries(s.sendFailures).map(([k, v]) => `${k} × ${v}`).join(', ') || 'none'}`,
    `  kill plans  ${Object.entries(i.byPlan).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  interrupted before first ACK ${i.beforeFirstAck}, mid-submit ${i.midSubmit} (committed, not acked ${i.committedNotAcked}), ` +
      `mid atomic write ${i.midAtomicWrite}, journal replayed ${i.journalReplayed}, torn journal append ${i.tornJournalAppend}, ` +
      `with pending outbox ${i.withPendingOutbox}, registered-not-recorded ${i.registeredNotRecorded}`,
    `  left behind ${s.openDrafts} open draft(s), ${s.leftoverTempFiles} temp file(s) of interrupted atomic writes; database files: ${s.databaseLayout.join(', ')}`,
    `  time        lives ${(s.timeMs.lives / 1000).toFixed(1)} s, checks after kills ${(s.timeMs.inspections / 1000).toFixed(1)} s`,
    `  elapsed     ${(s.elapsedMs / 1000).toFixed(1)} s on ${s.environment.cpus} CPU(s), Node ${s.environment.node}`,
    ...(s.workDir ? [`  data kept in ${s.workDir}`] : []),
    ...s.violations.slice(0, 50).map((v) => `  VIOLATION [${v.check}] ${v.detail}`),
  ].join('\n');
}

try {
  const args = parse(process.argv.slice(2));
  const resultFile = path.join(REPO_ROOT, 'test-results', 'crash.json');
  say(`crash harness: ${args.kills} kills, at most ${args.maxMinutes} min`);
  const summary = await runCrashHarness({ kills: args.kills, maxMinutes: args.maxMinutes, seed: args.seed, keepWorkDir: args.keep, resultFile, log: say });
  say(formatSummary(summary));
  say(`  summary written to ${path.relative(process.cwd(), resultFile)}`);
  process.exit(summary.ok ? 0 : 1);
} catch (error) {
  console.error(error);
  process.exit(2);
}
