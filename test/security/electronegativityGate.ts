/**
 * The electronegativity gate (issue #8): runs Doyensec's Electron scanner over the Electron-facing
 * sources and fails on every HIGH or MEDIUM finding that security/electronegativity-allowlist.json
 * does not list, with a reason, for that rule and file.
 *
 * What is scanned, and why: the TypeScript sources (main/host/electron, preload), the renderer's
 * index.html (its CSP meta) and package.json (the Electron version), staged at their repository
 * paths in a temporary folder. Sources rather than the out/electron bundle because the bundle
 * needs a build (this gate runs from a fresh clone in `npm test`) and inlines all of main, so a
 * finding would point at a bundle line instead of the file to fix and review; the scanner parses
 * TypeScript itself, and any file it fails to parse fails the gate, so nothing escapes unscanned.
 *
 * The scanner's CLI always exits 0 and its CSV is not reliably quoted, so it is called through its
 * programmatic entry (the package's `main`) and the findings it returns are parsed with zod.
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is excluded: it downloads Electron's release list, so its
 * verdict would depend on the network and the day; Electron upgrades are a dependency decision.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const SCANNED_PATHS = ['main/host/electron', 'preload', 'renderer/index.html', 'package.json'] as const;
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const;
export const GATED_SEVERITIES: ReadonlySet<string> = new Set(['HIGH', 'MEDIUM']);

const levelSchema = z.object({ name: z.string() });

export const findingSchema = z
  .object({
    id: z.string().min(1),
    file: z.string(),
    location: z.object({ line: z.number(), column: z.number() }),
    severity: levelSchema,
    confidence: levelSchema,
    description: z.string().optional(),
    sample: z.unknown().optional(),
    manualReview: z.boolean().optional(),
  })
  .transform((f) => ({
    rule: f.id,
    file: f.file,
    line: f.location.line,
    severity: f.severity.name,
    confidence: f.confidence.name,
    description: f.description ?? '',
    manualReview: f.manualReview ?? false,
  }));
export type Finding = z.output<typeof findingSchema>;

const scanResultSchema = z.object({
  issues: z.array(findingSchema),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});
export type ScanResult = z.output<typeof scanResultSchema>;

export const allowListSchema = z
  .object({
    reviewed: z.array(
      z
        .object({
          rule: z.string().regex(/^[A-Z0-9_]+$/),
          file: z.string().min(1),
          // A reviewed finding carries the why; "ok" or "false positive" alone is not a review.
          reason: z.string().trim().min(40),
        })
        .strict(),
    ),
  })
  .passthrough();
export type AllowList = z.output<typeof allowListSchema>;
export type AllowEntry = AllowList['reviewed'][number];

export interface GateVerdict {
  /** HIGH/MEDIUM findings nobody reviewed: each fails the gate. */
  readonly blocking: readonly Finding[];
  /** HIGH/MEDIUM findings matched by an allow-list entry. */
  readonly allowed: readonly { readonly finding: Finding; readonly entry: AllowEntry }[];
  /** Allow-list entries no finding matches any more: remove them, so the list stays honest. */
  readonly stale: readonly AllowEntry[];
  /** LOW and INFORMATIONAL findings, reported but not gated. */
  readonly reported: readonly Finding[];
  /** Files the scanner could not parse (not tolerable): they were not scanned, so they fail the gate. */
  readonly unscanned: readonly string[];
}

/** Pure: splits a scan into what fails the gate and what does not. */
export function judgeFindings(scan: ScanResult, allowList: AllowList): GateVerdict {
  const blocking: Finding[] = [];
  const allowed: { finding: Finding; entry: AllowEntry }[] = [];
  const reported: Finding[] = [];
  const used = new Set<AllowEntry>();
  for (const finding of scan.issues) {
    if (!GATED_SEVERITIES.has(finding.severity)) {
      reported.push(finding);
      continue;
    }
    const entry = allowList.reviewed.find((e) => e.rule === finding.rule && e.file === finding.file);
    if (entry) {
      used.add(entry);
      allowed.push({ finding, entry });
    } else {
      blocking.push(finding);
    }
  }
  return {
    blocking,
    allowed,
    reported,
    stale: allowList.reviewed.filter((e) => !used.has(e)),
    unscanned: scan.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
  };
}

/** Copies the scanned paths (without tests) into a fresh folder, keeping their repository paths. */
export function stageSources(root: string, paths: readonly string[] = SCANNED_PATHS): string {
  const stage = mkdtempSync(path.join(tmpdir(), 'psc-electronegativity-'));
  for (const relative of paths) {
    const from = path.join(root, relative);
    const files = statSync(from).isDirectory()
      ? readdirSync(from, { recursive: true, encoding: 'utf8' }).map((f) => path.join(relative, f))
      : [relative];
    for (const file of files) {
      if (statSync(path.join(root, file)).isDirectory() || /\.test\.tsx?$/.test(file) || file.endsWith('.md')) continue;
      mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      cpSync(path.join(root, file), path.join(stage, file));
    }
  }
  return stage;
}

type RunScanner = (options: Record<string, unknown>) => Promise<unknown>;

/** Runs electronegativity over a folder; findings' files are relative to it. */
export async function scanFolder(folder: string): Promise<ScanResult> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as RunScanner;
  const raw = await run({
    input: folder,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
  });
  const parsed = scanResultSchema.parse(raw);
  // Relative paths with forward slashes, as the allow-list spells them on every OS.
  return { ...parsed, issues: parsed.issues.map((f) => ({ ...f, file: f.file.split(path.sep).join('/') })) };
}

/** Stages the Electron-facing sources of `root`, scans them and cleans up. */
export async function scanElectronSources(root: string): Promise<ScanResult> {
  const stage = stageSources(root);
  try {
    return await scanFolder(stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function formatFinding(f: Finding): string {
  return `${f.severity}/${f.confidence} ${f.rule} ${f.file}:${f.line}${f.manualReview ? ' (manual review)' : ''} — ${f.description}`;
}
