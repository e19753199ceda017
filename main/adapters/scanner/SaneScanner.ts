import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice } from '../../ports/Scanner';
import { mapSaneFailure } from './mapSaneFailure';
import { DEVICE_LIST_FORMAT, parseDeviceList } from './parseDeviceList';
import { parseSaneOptions } from './parseSaneOptions';
import { nodeRunProcess, runToCompletion, type RunProcess } from './runProcess';
import { runSaneBatch } from './runSaneBatch';
import { buildSaneProfile, saneSettingArgs, type SaneProfile } from './saneProfile';

export interface SaneScannerOptions {
  /** Defaults to spawning the real program; tests inject a fake to check parsing and mapping. */
  readonly runProcess?: RunProcess;
  /** Defaults to `scanimage` on PATH (Debian package sane-utils). */
  readonly program?: string;
  /** Becomes the child's `SANE_CONFIG_DIR` (tests point it at `test/sane.d`); unset keeps the system config. */
  readonly saneConfigDir?: string;
  /** Base environment for the child; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where each scan's private page directory is created; defaults to the OS temp dir. */
  readonly tempRoot?: string;
  /** Grace between SIGTERM and SIGKILL when cancelling. */
  readonly killGraceMs?: number;
  /** How long scanimage may linger after reporting the end of its batch before it is killed (driver hangs). */
  readonly exitGraceMs?: number;
  /** Page cap for a feeder scan without `maxPages`, against a feeder that never reports empty. */
  readonly adfPageLimit?: number;
  /**
   * TEST ONLY: appended to every scan command, e.g. the test backend's
   * `--read-return-value SANE_STATUS_JAMMED` or `--read-delay=yes`. Never set in production wiring.
   */
  readonly testOnlyExtraArgs?: readonly string[];
}

const SCAN_DIR_PREFIX = 'psc-scan-';

/** SANE scanners through the `scanimage` command line (stack-notes.md §5). */
export class SaneScanner implements Scanner {
  private readonly run: RunProcess;
  private readonly program: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly profiles = new Map<string, SaneProfile>();

  constructor(private readonly options: SaneScannerOptions = {}) {
    this.run = options.runProcess ?? nodeRunProcess;
    this.program = options.program ?? 'scanimage';
    // LC_ALL=C: the status texts mapped in mapSaneFailure are the untranslated ones.
    this.env = { ...(options.env ?? process.env), LC_ALL: 'C' };
    if (options.saneConfigDir !== undefined) this.env.SANE_CONFIG_DIR = options.saneConfigDir;
  }

  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    const { exit, stdout, stderr } = await runToCompletion(this.run, this.program, [`--formatted-device-list=${DEVICE_LIST_FORMAT}`, '-L'], this.env);
    if (exit.kind !== 'exited' || exit.code !== 0) return err(mapSaneFailure(exit, stderr, { deviceId: '', program: this.program }));
    return ok(parseDeviceList(stdout));
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    const profile = await this.loadProfile(deviceId);
    return profile.ok ? ok(profile.value.capabilities) : profile;
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: 0 });
    const cached = this.profiles.get(request.deviceId);
    const profile = cached ? ok(cached) : await this.loadProfile(request.deviceId);
    if (!profile.ok) return err({ ...profile.error, pagesDelivered: 0 });
    const settings = saneSettingArgs(profile.value, request);
    if (!settings.ok) return err({ ...settings.error, pagesDelivered: 0 });

    // Always a count: a flatbed batch without one never stops (stack-notes.md §5).
    const pageCount = request.maxPages ?? (request.source === 'flatbed' ? 1 : (this.options.adfPageLimit ?? 500));
    const dir = await mkdtemp(path.join(this.tempRoot(), SCAN_DIR_PREFIX));
    try {
      return await runSaneBatch(
        {
          run: this.run,
          program: this.program,
          deviceId: request.deviceId,
          settingArgs: [...settings.value, ...(this.options.testOnlyExtraArgs ?? [])],
          env: this.env,
          dir,
          pageCount,
          dpi: request.resolutionDpi,
          killGraceMs: this.options.killGraceMs ?? 2000,
          exitGraceMs: this.options.exitGraceMs ?? 3000,
        },
        handlers,
      );
    } finally {
      // Also removes pages scanned ahead but never delivered (cancel, failure).
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Removes page directories left behind by a crashed run (they hold unencrypted page images).
   * Call once at startup, before the first scan; pages in them were never delivered, so nothing is lost
   * that the caller had accepted.
   */
  async removeStaleTempDirs(): Promise<void> {
    const root = this.tempRoot();
    const entries = await readdir(root).catch(() => []);
    await Promise.all(entries.filter((name) => name.startsWith(SCAN_DIR_PREFIX)).map((name) => rm(path.join(root, name), { recursive: true, force: true })));
  }

  private tempRoot(): string {
    return path.resolve(this.options.tempRoot ?? tmpdir());
  }

  private async loadProfile(deviceId: string): Promise<Result<SaneProfile, ScanError>> {
    const { exit, stdout, stderr } = await runToCompletion(this.run, this.program, ['-d', deviceId, '-A'], this.env);
    if (exit.kind !== 'exited' || exit.code !== 0) return err(mapSaneFailure(exit, stderr, { deviceId, program: this.program }));
    const profile = buildSaneProfile(parseSaneOptions(stdout));
    this.profiles.set(deviceId, profile);
    return ok(profile);
  }
}
