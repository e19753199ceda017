// Read-only view of DER (and the BER indefinite lengths Java CMS producers emit for outer
// structures) that keeps byte offsets: signature checks need the exact bytes that were signed and
// certificates must be handed on byte-for-byte, which a parse/re-encode round trip cannot promise.
// Input is untrusted (it comes from the signing agent): every length is bounds-checked and nesting
// of indefinite lengths is capped.

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
  context3: 0xa3,
  contextPrimitive0: 0x80,
} as const;

const MAX_INDEFINITE_DEPTH = 32;

export class DerElement {
  private constructor(
    private readonly buffer: Uint8Array,
    readonly tag: number,
    readonly start: number,
    readonly contentStart: number,
    readonly contentEnd: number,
    readonly end: number,
    /** BER indefinite length: never valid where DER is required (signed attributes, certificates). */
    readonly indefinite: boolean,
  ) {}

  /** The single element that makes up all of `bytes`; throws on anything else. */
  static parse(bytes: Uint8Array): DerElement {
    const element = DerElement.at(bytes, 0, bytes.length, 0);
    if (element.end !== bytes.length) throw new Error('DER: trailing bytes');
    return element;
  }

  private static at(buffer: Uint8Array, offset: number, limit: number, depth: number): DerElement {
    const tag = buffer[offset];
    const first = buffer[offset + 1];
    if (tag === undefined || first === undefined || offset + 2 > limit) throw new Error('DER: truncated element');
    if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not used by CMS or X.509');
    if (first === 0x80) {
      if ((tag & 0x20) === 0 || depth >= MAX_INDEFINITE_DEPTH) throw new Error('DER: unsupported indefinite length');
      let cursor = offset + 2;
      for (;;) {
        if (cursor + 2 > limit) throw new Error('DER: missing end-of-contents');
        if (buffer[cursor] === 0 && buffer[cursor + 1] === 0) break;
        cursor = DerElement.at(buffer, cursor, limit, depth + 1).end;
      }
      return new DerElement(buffer, tag, offset, offset + 2, cursor, cursor + 2, true);
    }
    let length = first;
    let header = 2;
    if (first > 0x80) {
      const count = first & 0x7f;
      if (count > 4) throw new Error('DER: length too large');
      length = 0;
      for (let i = 0; i < count; i += 1) {
        const byte = buffer[offset + 2 + i];
        if (byte === undefined) throw new Error('DER: truncated length');
        length = length * 256 + byte;
      }
      header += count;
    }
    const end = offset + header + length;
    if (end > limit) throw new Error('DER: element overruns its container');
    return new DerElement(buffer, tag, offset, offset + header, end, end, false);
  }

  get constructed(): boolean {
    return (this.tag & 0x20) !== 0;
  }

  /** Value bytes (without tag and length). */
  get content(): Uint8Array {
    return this.buffer.subarray(this.contentStart, this.contentEnd);
  }

  /** The whole element as it appears in the input. */
  get encoded(): Uint8Array {
    return this.buffer.subarray(this.start, this.end);
  }

  children(): DerElement[] {
    if (!this.constructed) throw new Error('DER: expected a constructed element');
    const result: DerElement[] = [];
    for (let cursor = this.contentStart; cursor < this.contentEnd; ) {
      const child = DerElement.at(this.buffer, cursor, this.contentEnd, 0);
      result.push(child);
      cursor = child.end;
    }
    return result;
  }

  /** The `index`-th child, which must carry `tag`. */
  child(index: number, tag: number): DerElement {
    const found = this.children()[index];
    if (found === undefined || found.tag !== tag) throw new Error(`DER: expected tag 0x${tag.toString(16)} at ${index}`);
    return found;
  }
}

/** Dotted OID from an OBJECT IDENTIFIER element. */
export function oidOf(element: DerElement): string {
  if (element.tag !== TAG.oid || element.content.length === 0) throw new Error('DER: expected an OID');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of element.content) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new Error('DER: OID arc too large');
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const top = Math.min(2, Math.floor(value / 40)); // the first subidentifier packs two arcs
        arcs.push(top, value - top * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  if (value !== 0 || (element.content[element.content.length - 1] ?? 0) & 0x80) throw new Error('DER: truncated OID');
  return arcs.join('.');
}

/** Text of a directory string: UTF8String (Kazakh letters Ұ Қ Ә…), BMPString, else the 8-bit types. */
export function stringOf(element: DerElement): string {
  const bytes = Buffer.from(element.content);
  if (element.tag === TAG.utf8String) return bytes.toString('utf8');
  if (element.tag === TAG.bmpString) {
    if (bytes.length % 2 !== 0) throw new Error('DER: odd BMPString');
    return Buffer.from(bytes).swap16().toString('utf16le');
  }
  return bytes.toString('latin1');
}

/** UTCTime (years 1950–2049, RFC 5280 §4.1.2.5.1) or GeneralizedTime, both as `…Z`. */
export function timeOf(element: DerElement): Date {
  const text = Buffer.from(element.content).toString('latin1');
  const match =
    element.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : element.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (match === null) throw new Error('DER: expected a UTC time');
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const year = element.tag === TAG.utcTime ? (y < 50 ? 2000 + y : 1900 + y) : y;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, s));
}
