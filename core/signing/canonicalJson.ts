/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes the operator's signature covers
 * (DESIGN.md §5). Pure: no Node built-ins, no DOM — UTF-8 encoding is done here by hand.
 *
 * Accepted input is JSON data only: null, booleans, finite numbers, well-formed strings, arrays
 * and plain objects (prototype Object.prototype or null). Anything else is an expected failure
 * reported with a JSON Pointer (RFC 6901) to where it sits; nothing is silently dropped, unlike
 * JSON.stringify (which omits undefined members and calls toJSON).
 */
import type { Result } from '../result';

export type CanonicalJsonError =
  | { readonly kind: 'unsupported-value'; readonly path: string; readonly valueType: string }
  | { readonly kind: 'non-finite-number'; readonly path: string; readonly value: number }
  /** A lone surrogate at UTF-16 `index` of a member name (`in: 'key'`) or a string value. */
  | { readonly kind: 'invalid-string'; readonly path: string; readonly in: 'key' | 'value'; readonly index: number }
  | { readonly kind: 'cyclic-value'; readonly path: string };

/** RFC 6901 JSON Pointer of a sequence of member names / array indices ('' is the whole value). */
export function toJsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The RFC 8785 canonical form of `value` as a string. */
export function canonicalJson(value: unknown): Result<string, CanonicalJsonError> {
  const out: string[] = [];
  const failure = serialize(value, [], new Set<object>(), out);
  return failure ? { ok: false, error: failure } : { ok: true, value: out.join('') };
}

/** The RFC 8785 canonical form of `value` as UTF-8 bytes (what gets signed). */
export function canonicalJsonBytes(value: unknown): Result<Uint8Array, CanonicalJsonError> {
  const text = canonicalJson(value);
  return text.ok ? { ok: true, value: utf8(text.value) } : text;
}

type Path = (string | number)[];

/** Appends the canonical form of `value` to `out`; returns the first error, or undefined. */
function serialize(value: unknown, path: Path, ancestors: Set<object>, out: string[]): CanonicalJsonError | undefined {
  if (value === null) {
    out.push('null');
    return undefined;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return undefined;
    case 'number':
      if (!Number.isFinite(value)) return { kind: 'non-finite-number', path: toJsonPointer(path), value };
      // ECMAScript Number::toString is exactly RFC 8785 §3.2.2.3; String(-0) is already "0".
      out.push(String(value));
      return undefined;
    case 'string': {
      const bad = loneSurrogateIndex(value);
      if (bad >= 0) return { kind: 'invalid-string', path: toJsonPointer(path), in: 'value', index: bad };
      out.push(quote(value));
      return undefined;
    }
    case 'object':
      return serializeContainer(value, path, ancestors, out);
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      return { kind: 'unsupported-value', path: toJsonPointer(path), valueType: typeof value };
  }
}

function serializeContainer(value: object, path: Path, ancestors: Set<object>, out: string[]): CanonicalJsonError | undefined {
  if (ancestors.has(value)) return { kind: 'cyclic-value', path: toJsonPointer(path) };
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) {
    return { kind: 'unsupported-value', path: toJsonPointer(path), valueType: describeObject(value) };
  }
  if (Object.getOwnPropertySymbols(value).some((s) => Object.prototype.propertyIsEnumerable.call(value, s))) {
    return { kind: 'unsupported-value', path: toJsonPointer(path), valueType: 'object with symbol keys' };
  }
  ancestors.add(value);
  const failure = isArray ? serializeArray(value as unknown[], path, ancestors, out) : serializeObject(value as Record<string, unknown>, path, ancestors, out);
  ancestors.delete(value); // shared (non-cyclic) references are fine
  return failure;
}

function serializeArray(items: readonly unknown[], path: Path, ancestors: Set<object>, out: string[]): CanonicalJsonError | undefined {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    path.push(i);
    // A hole in a sparse array reads as undefined and is refused like undefined.
    const failure = serialize(items[i], path, ancestors, out);
    path.pop();
    if (failure) return failure;
  }
  out.push(']');
  return undefined;
}

function serializeObject(obj: Record<string, unknown>, path: Path, ancestors: Set<object>, out: string[]): CanonicalJsonError | undefined {
  const keys = Object.keys(obj).sort(compareUtf16);
  out.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    path.push(key);
    const bad = loneSurrogateIndex(key);
    if (bad >= 0) {
      const error: CanonicalJsonError = { kind: 'invalid-string', path: toJsonPointer(path), in: 'key', index: bad };
      path.pop();
      return error;
    }
    if (i > 0) out.push(',');
    out.push(quote(key), ':');
    const failure = serialize(obj[key], path, ancestors, out);
    path.pop();
    if (failure) return failure;
  }
  out.push('}');
  return undefined;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeObject(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor: unknown = typeof proto === 'object' && proto !== null ? (proto as { constructor?: unknown }).constructor : undefined;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object';
}

/** RFC 8785 §3.2.3: member names compared as arrays of UTF-16 code units (not code points, not locale). */
function compareUtf16(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** UTF-16 index of the first unpaired surrogate, or -1 if the string is well-formed Unicode. */
function loneSurrogateIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

/** RFC 8785 §3.2.2.2: escape only '"', '\\' and U+0000..U+001F; everything else is emitted as is. */
function quote(s: string): string {
  let result = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    result += s.slice(start, i) + (SHORT_ESCAPES[c] ?? '\\u' + c.toString(16).padStart(4, '0'));
    start = i + 1;
  }
  return result + s.slice(start) + '"';
}

/** UTF-8 encoding of a well-formed string (lone surrogates were refused before this point). */
function utf8(s: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i++;
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(bytes);
}
