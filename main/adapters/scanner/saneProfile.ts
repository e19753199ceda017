import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanMode, ScanRequest, ScanSource, ScannerCapabilities } from '../../ports/Scanner';
import type { SaneOption } from './parseSaneOptions';

/** A mode as the device spells it; `depth` is set when lineart is emulated as 1-bit gray. */
export interface SaneModeSetting {
  readonly mode: string;
  readonly depth?: number;
}

type ResolutionConstraint =
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly step: number | null };

/** Normalised capabilities plus the vendor strings needed to ask for them again. */
export interface SaneProfile {
  readonly capabilities: ScannerCapabilities;
  /** Raw `--source` value per source; empty when the device has no `--source` option (flatbed only). */
  readonly sourceValues: Partial<Record<ScanSource, string>>;
  readonly modeValues: Partial<Record<ScanMode, SaneModeSetting>>;
  readonly resolution: ResolutionConstraint | null;
}

/** Resolutions offered from a continuous range: the ones an operator recognises. */
const USUAL_DPI = [75, 100, 150, 200, 240, 300, 400, 600, 1200] as const;

// Scored patterns: a lower score wins when a device offers several matching strings
// (e.g. "ADF Front" is preferred to "ADF Duplex"; "Gray" to "Gray[Error Diffusion]").
const SOURCE_PATTERNS: Record<ScanSource, readonly (readonly [RegExp, number])[]> = {
  flatbed: [
    [/^(flatbed|normal|platen)$/i, 0],
    [/flatbed|platen|glass|document table/i, 1],
  ],
  adf: [
    [/^(adf|automatic document feeder|adf front|feeder|adf simplex)$/i, 0],
    [/adf|feeder|automatic document/i, 1],
    [/duplex|back/i, 2],
  ],
};
const SOURCE_EXCLUDED = /film|transparen|slide|negative|tma|positive/i;

const MODE_PATTERNS: Record<ScanMode, readonly (readonly [RegExp, number])[]> = {
  color: [
    [/^colou?r$/i, 0],
    [/^(24 ?bit )?colou?r/i, 1],
    [/colou?r/i, 2],
  ],
  gray: [
    [/^gr[ae]y(scale)?$/i, 0],
    [/^(true gr[ae]y|8 ?bit gr[ae]y)$/i, 1],
    [/gr[ae]y/i, 2],
  ],
  lineart: [
    [/^(lineart|line art|binary)$/i, 0],
    [/^(black ?(&|and) ?white|bw|b\/w)$/i, 1],
  ],
};
const MODE_EXCLUDED = /halftone|diffusion|dither/i;

function pick(values: readonly string[], patterns: readonly (readonly [RegExp, number])[], excluded: RegExp): string | undefined {
  let best: { value: string; score: number } | undefined;
  for (const value of values) {
    if (excluded.test(value) && !patterns.some(([re, score]) => score === 0 && re.test(value))) continue;
    for (const [re, score] of patterns) {
      if (re.test(value) && (best === undefined || score < best.score)) best = { value, score };
    }
  }
  return best?.value;
}

function stringValues(option: SaneOption | undefined): string[] {
  return option?.constraint.kind === 'string-list' ? [...option.constraint.values] : [];
}

function resolutionOf(option: SaneOption | undefined): ResolutionConstraint | null {
  if (!option) return null;
  const c = option.constraint;
  if (c.kind === 'number-list') return { kind: 'list', values: [...c.values].sort((a, b) => a - b) };
  if (c.kind === 'range') return { kind: 'range', min: c.min, max: c.max, step: c.step && c.step > 0 ? c.step : null };
  return null;
}

function acceptsResolution(r: ResolutionConstraint, dpi: number): boolean {
  if (r.kind === 'list') return r.values.includes(dpi);
  if (dpi < r.min || dpi > r.max) return false;
  return r.step === null || Math.abs(((dpi - r.min) / r.step) % 1) < 1e-9;
}

function offeredResolutions(r: ResolutionConstraint | null): number[] {
  if (r === null) return [];
  if (r.kind === 'list') return [...r.values];
  return USUAL_DPI.filter((dpi) => acceptsResolution(r, dpi));
}

function maxArea(options: readonly SaneOption[]): ScannerCapabilities['maxAreaMm'] {
  const x = options.find((o) => o.name === 'x');
  const y = options.find((o) => o.name === 'y');
  if (x?.constraint.kind !== 'range' || y?.constraint.kind !== 'range' || x.unit !== 'mm' || y.unit !== 'mm') return null;
  return { widthMm: x.constraint.max, heightMm: y.constraint.max };
}

/** Interprets a device's `-A` options: normalised capabilities, and how to ask for each one. */
export function buildSaneProfile(options: readonly SaneOption[]): SaneProfile {
  const byName = (name: string) => options.find((o) => o.name === name);

  const sourceOption = byName('source');
  const sourceValues: Partial<Record<ScanSource, string>> = {};
  if (sourceOption) {
    for (const source of ['flatbed', 'adf'] as const) {
      const raw = pick(stringValues(sourceOption), SOURCE_PATTERNS[source], SOURCE_EXCLUDED);
      if (raw !== undefined) sourceValues[source] = raw;
    }
  }
  // Most flatbed-only scanners have no --source option at all.
  const sources: ScanSource[] = sourceOption ? (['flatbed', 'adf'] as const).filter((s) => sourceValues[s] !== undefined) : ['flatbed'];

  const modes = stringValues(byName('mode'));
  const modeValues: Partial<Record<ScanMode, SaneModeSetting>> = {};
  for (const mode of ['color', 'gray', 'lineart'] as const) {
    const raw = pick(modes, MODE_PATTERNS[mode], MODE_EXCLUDED);
    if (raw !== undefined) modeValues[mode] = { mode: raw };
  }
  const depth = byName('depth');
  const grayMode = modeValues.gray;
  if (!modeValues.lineart && grayMode && depth?.constraint.kind === 'number-list' && depth.constraint.values.includes(1)) {
    // No lineart mode (e.g. the SANE test device), but 1-bit gray is the same thing.
    modeValues.lineart = { mode: grayMode.mode, depth: 1 };
  }

  const resolution = resolutionOf(byName('resolution'));
  return {
    capabilities: {
      sources,
      resolutionsDpi: offeredResolutions(resolution),
      modes: (['color', 'gray', 'lineart'] as const).filter((m) => modeValues[m] !== undefined),
      maxAreaMm: maxArea(options),
    },
    sourceValues,
    modeValues,
    resolution,
  };
}

/** The device options for a request (`--source`, `--mode`, `--depth`, `--resolution`), or why it cannot be honoured. */
export function saneSettingArgs(profile: SaneProfile, request: ScanRequest): Result<string[], ScanError> {
  const args: string[] = [];
  if (!profile.capabilities.sources.includes(request.source)) {
    return err({ kind: 'unsupported-setting', setting: 'source', requested: request.source });
  }
  const source = profile.sourceValues[request.source];
  if (source !== undefined) args.push('--source', source);

  if (profile.capabilities.modes.length > 0) {
    const mode = profile.modeValues[request.mode];
    if (!mode) return err({ kind: 'unsupported-setting', setting: 'mode', requested: request.mode });
    args.push('--mode', mode.mode);
    if (mode.depth !== undefined) args.push('--depth', String(mode.depth));
  }

  if (profile.resolution !== null) {
    if (!acceptsResolution(profile.resolution, request.resolutionDpi)) {
      return err({ kind: 'unsupported-setting', setting: 'resolution', requested: String(request.resolutionDpi) });
    }
    args.push('--resolution', String(request.resolutionDpi));
  }
  return ok(args);
}
