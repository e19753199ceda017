/**
 * The backend connection as the supervisor edits it, turned into the contract's input. The URL is
 * judged by the contract's own schema and each pin by PIN_PATTERN, so a bad value is explained at
 * once instead of reaching main as a malformed argument. Main still judges what needs it (http to a
 * non-loopback address, whether the CA file holds CA certificates).
 */
import {
  backendConnectionInputSchema,
  PIN_PATTERN,
  type BackendConnectionInput,
  type BackendConnectionSettings,
  type CaBundleChoice,
} from '../../../core/contract';
import { err, ok, type Result } from '../../../core/result';

/** settings.setBackendConnection accepts at most this many pins (core/contract/settings.ts). */
export const MAX_PINS = 10;

/**
 * The trust part of the form. `saved` keeps the CA bundle in force now: the renderer sees only its
 * description, and main supplies its text to a check or a save (`keep-current`).
 */
export type CaChoice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'system' }
  | { readonly kind: 'file'; readonly fileName: string; readonly pem: string };

export interface BackendConnectionForm {
  readonly url: string;
  readonly ca: CaChoice;
  /** One pin per line; blank lines are ignored. */
  readonly pinsText: string;
}

export type BackendFormProblem =
  | { readonly kind: 'invalid-url' }
  | { readonly kind: 'invalid-pin'; readonly line: number }
  | { readonly kind: 'too-many-pins'; readonly max: number };

export function formOfSaved(saved: BackendConnectionSettings): BackendConnectionForm {
  return { url: saved.url ?? '', ca: { kind: 'saved' }, pinsText: saved.pins.join('\n') };
}

/** The URL as the contract takes it: null for an empty field (the embedded backend). */
export function parseBackendUrl(text: string): Result<string | null, { readonly kind: 'invalid-url' }> {
  const url = text.trim();
  if (url === '') return ok(null);
  return backendConnectionInputSchema.shape.url.safeParse(url).success ? ok(url) : err({ kind: 'invalid-url' });
}

/** The pins, one per line; the first line that is not a pin is named by its number (from 1). */
export function parsePins(text: string): Result<readonly string[], Extract<BackendFormProblem, { kind: 'invalid-pin' | 'too-many-pins' }>> {
  const pins: string[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (!PIN_PATTERN.test(line)) return err({ kind: 'invalid-pin', line: index + 1 });
    if (!pins.includes(line)) pins.push(line);
  }
  return pins.length > MAX_PINS ? err({ kind: 'too-many-pins', max: MAX_PINS }) : ok(pins);
}

export function connectionInputOf(form: BackendConnectionForm): Result<BackendConnectionInput, BackendFormProblem> {
  const url = parseBackendUrl(form.url);
  if (!url.ok) return url;
  const pins = parsePins(form.pinsText);
  if (!pins.ok) return pins;
  return ok({ url: url.value, caBundle: caBundleOf(form.ca), pins: pins.value });
}

function caBundleOf(ca: CaChoice): CaBundleChoice {
  switch (ca.kind) {
    case 'saved':
      return { kind: 'keep-current' };
    case 'system':
      return { kind: 'system-trust' };
    case 'file':
      return { kind: 'pem', pem: ca.pem };
  }
}

/** Whether saving the form would change the saved setting (so Save has something to do). */
export function isFormChanged(form: BackendConnectionForm, saved: BackendConnectionSettings): boolean {
  if (form.ca.kind === 'file' || (form.ca.kind === 'system' && saved.caCertificates.length > 0)) return true;
  if (form.url.trim() !== (saved.url ?? '')) return true;
  const pins = parsePins(form.pinsText);
  return !pins.ok || pins.value.join('\n') !== saved.pins.join('\n');
}

/** Adds `pin` as a line of its own unless it is already there. */
export function withPin(pinsText: string, pin: string): string {
  const lines = pinsText.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.includes(pin) ? pinsText : [...lines, pin].join('\n');
}

/** A hex SHA-256 fingerprint in upper-case blocks of four, the way it is read aloud and compared. */
export function fingerprintBlocks(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
