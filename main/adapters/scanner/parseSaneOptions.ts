/** One device option as `scanimage -A` prints it, before any vendor-specific interpretation. */
export interface SaneOption {
  /** Without dashes: `mode`, `resolution`, `source`, and `l` `t` `x` `y` for the geometry short options. */
  readonly name: string;
  readonly constraint: SaneConstraint;
  /** `dpi`, `mm`, `pel`, `%`, `us`, `bit`, or null. */
  readonly unit: string | null;
  /** The bracketed current value; null when inactive or not printed (buttons, arrays). */
  readonly current: string | null;
  readonly isActive: boolean;
}

export type SaneConstraint =
  | { readonly kind: 'string-list'; readonly values: readonly string[] }
  | { readonly kind: 'number-list'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly step: number | null }
  | { readonly kind: 'bool' }
  | { readonly kind: 'none' };

// Option lines are indented 4 spaces by scanimage; descriptions 8, group titles 2.
const OPTION_LINE = /^ {2,7}(--[A-Za-z0-9][\w-]*|-[A-Za-z])(\[=\((?:auto\|)?yes\|no\)\])?(?: (.*))?$/;
const TRAILING_BRACKET = / \[([^[\]]*)\]$/;
const FLAG_WORDS = new Set(['inactive', 'advanced', 'hardware', 'read-only', 'software', 'emulated']);
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER})([a-z%]*)$`);
const NUMBER_WITH_UNIT = new RegExp(`^(${NUMBER})([a-z%]*)$`);

/** Parses the option listing of `scanimage -d <device> -A`. Unrecognised lines are ignored. */
export function parseSaneOptions(stdout: string): SaneOption[] {
  const options: SaneOption[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = OPTION_LINE.exec(line);
    if (!match) continue;
    const [, flag = '', boolSuffix, rest = ''] = match;
    options.push(parseOption(flag.replace(/^-+/, ''), boolSuffix !== undefined, rest));
  }
  return options;
}

function parseOption(name: string, isBool: boolean, text: string): SaneOption {
  // Leading space so a bare `[inactive]` (buttons print no constraint) strips like the others.
  let remaining = ` ${text}`;
  let current: string | null = null;
  let isActive = true;
  // Strip the trailing `[value]` / `[inactive]` / `[advanced]` groups, last first.
  for (let group = TRAILING_BRACKET.exec(remaining); group; group = TRAILING_BRACKET.exec(remaining)) {
    const inner = group[1] ?? '';
    if (inner === 'inactive') isActive = false;
    else if (!FLAG_WORDS.has(inner)) current = inner;
    remaining = remaining.slice(0, group.index);
  }
  const { constraint, unit } = isBool ? { constraint: { kind: 'bool' } as const, unit: null } : parseConstraint(remaining.trim());
  return { name, constraint, unit, current: isActive ? current : null, isActive };
}

function parseConstraint(raw: string): { constraint: SaneConstraint; unit: string | null } {
  let text = raw.replace(/^auto\|/, '');
  let step: number | null = null;
  const steps = / \(in steps of ([^)]+)\)$/.exec(text);
  if (steps) {
    step = Number(steps[1]);
    text = text.slice(0, steps.index);
  }
  text = text.replace(/,\.\.\.$/, '');
  if (text === '' || /^<\w+>$/.test(text)) return { constraint: { kind: 'none' }, unit: null };

  const range = RANGE.exec(text);
  if (range) {
    const constraint = { kind: 'range', min: Number(range[1]), max: Number(range[2]), step: step !== null && Number.isFinite(step) ? step : null } as const;
    return { constraint, unit: range[3] || null };
  }
  const parts = text.split('|');
  const numeric = parts.map((p) => NUMBER_WITH_UNIT.exec(p));
  const last = numeric.at(-1);
  // Units are printed once, after the last value: `75|150|300dpi`.
  if (numeric.every((m, i) => m !== null && (i === parts.length - 1 || m[2] === '')) && last) {
    return { constraint: { kind: 'number-list', values: numeric.map((m) => Number(m?.[1])) }, unit: last[2] || null };
  }
  return { constraint: { kind: 'string-list', values: parts }, unit: null };
}
