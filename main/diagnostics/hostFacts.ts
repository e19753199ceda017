import os from 'node:os';
import type { DiagnosticsReport } from '../../core/contract/diagnostics';

const MB = 1024 * 1024;

/** Versions of the running runtime (Electron and Chromium only inside Electron) and the OS. */
export function hostFacts(versions: NodeJS.ProcessVersions = process.versions): Pick<DiagnosticsReport, 'runtime' | 'os'> {
  const extra = versions as NodeJS.ProcessVersions & { readonly electron?: string; readonly chrome?: string };
  return {
    runtime: { node: versions.node ?? null, electron: extra.electron ?? null, chromium: extra.chrome ?? null, v8: versions.v8 ?? null },
    os: {
      type: os.type(),
      release: os.release(),
      arch: os.arch(),
      cpuCount: os.cpus().length,
      totalMemoryMb: Math.round(os.totalmem() / MB),
      freeMemoryMb: Math.round(os.freemem() / MB),
    },
  };
}
