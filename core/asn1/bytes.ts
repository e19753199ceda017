/**
 * Byte helpers for DER work that must run without Node (core/ has no Buffer): comparing exact
 * encodings (signatures and Name matching are byte for byte), hex for serial numbers, Latin-1 for
 * the ASCII-only time strings.
 */

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Unsigned lexicographic order, shorter first on a common prefix: the DER SET OF order (X.690 §11.6). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Even-length hex (either case); throws on anything else rather than guessing. */
export function bytesOfHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error('not even-length hex');
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** One character per byte (ISO 8859-1): how 8-bit directory strings and DER times read. */
export function latin1Of(bytes: Uint8Array): string {
  let text = '';
  // in slices: spreading a large untrusted value into one call would overflow the stack
  for (let start = 0; start < bytes.length; start += 4096) text += String.fromCharCode(...bytes.subarray(start, start + 4096));
  return text;
}

/** Bytes of a string whose characters are all below U+0100 (time strings, ASCII). */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    if (code > 0xff) throw new Error('not a Latin-1 string');
    return code;
  });
}
