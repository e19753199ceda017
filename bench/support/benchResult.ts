// The result file every bench writes (DESIGN.md §8): bench/results/<name>.json.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  readonly bench: string;
  readonly measuredAt: string;
  readonly machine: { readonly cpus: number; readonly node: string };
  /** null where a metric could not be measured here (e.g. a comparison tool is absent). */
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly notes: string;
}

export async function writeBenchResult(bench: string, metrics: BenchResult['metrics'], notes: string): Promise<string> {
  const result: BenchResult = {
    bench,
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), node: process.version },
    metrics,
    notes,
  };
  const file = path.join('bench', 'results', `${bench}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A plain aligned table on stdout. */
export function printTable(rows: readonly (readonly [string, string])[]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
}
