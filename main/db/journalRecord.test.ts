import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assertSupportedParams, decodeParams, encodeParams, encodeTransaction, frameRecord, JournalCorruptError, parseJournal, UnsupportedParamError } from './journalRecord';

const DB = '6f1c1f6e-2b8a-4e43-9d6a-3a0f5f2f0b11';
const tx = (note: string) => encodeTransaction([[`INSERT INTO log(note) VALUES (?)`, encodeParams([note])]]);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** The record format before the header checksum and the identity, as older workstations wrote it. */
function legacyRecord(from: number, txs: string[]): Uint8Array {
  const body = new TextEncoder().encode(`{"from":${from},"tx":[${txs.join(',')}]}`);
  return concat(new TextEncoder().encode(`#${body.byteLength} ${crc32(body).toString(16).padStart(8, '0')}\n`), body, new Uint8Array([10]));
}

describe('journal records', () => {
  it('round-trips every kind of bound value, including blobs, non-finite numbers and text with newlines, with the database identity', () => {
    const params = [null, 0, -1.5, 2 ** 53 - 1, 'line 1\nline 2\t«қазақша» \u2028 #12 0badf00d 0badf00d', new Uint8Array([0, 10, 255, 35]), Number.NaN, Infinity, -Infinity, ''];
    const bytes = frameRecord(DB, 7, [encodeTransaction([['INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', encodeParams(params)]])]);
    const { records, tornTail, damagedTail } = parseJournal('j', bytes);
    expect(tornTail).toBeNull();
    expect(damagedTail).toBeNull();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ from: 7, databaseId: DB });
    expect(decodeParams(records[0]!.transactions[0]![0]![1])).toEqual(params);
    // One line per record body: a raw newline never appears inside JSON, so no header hides in a body.
    expect(text(bytes).split('\n')).toHaveLength(3);
  });

  it('checksums the header, length and sequence included', () => {
    const header = text(frameRecord(DB, 17, [tx('a')])).split('\n')[0]!;
    const [core, headerCrc] = [header.slice(0, header.lastIndexOf(' ')), header.slice(header.lastIndexOf(' ') + 1)];
    expect(core).toMatch(/^#\d+ 17 [0-9a-f]{8}$/);
    expect(Number.parseInt(headerCrc, 16)).toBe(crc32(core));
  });

  it('takes a group commit of several transactions as one record', () => {
    const { records } = parseJournal('j', frameRecord(DB, 3, [tx('a'), tx('b'), tx('c')]));
    expect(records.map((r) => [r.from, r.transactions.length])).toEqual([[3, 3]]);
  });

  it('still reads records written before the header checksum and the identity', () => {
    const { records, tornTail, damagedTail } = parseJournal('j', concat(legacyRecord(1, [tx('old')]), legacyRecord(2, [tx('older')])));
    expect(records.map((r) => [r.from, r.databaseId])).toEqual([[1, null], [2, null]]);
    expect(tornTail).toBeNull();
    expect(damagedTail).toBeNull();
  });

  it('drops a torn tail silently at every possible cut: shorter than its header, or than its length prefix', () => {
    const first = frameRecord(DB, 1, [tx('first')]);
    const second = frameRecord(DB, 2, [tx('second'), tx('third')]);
    const whole = concat(first, second);
    for (let cut = 0; cut <= whole.byteLength; cut++) {
      const parsed = parseJournal('j', whole.subarray(0, cut));
      const complete = cut >= whole.byteLength ? 2 : cut >= first.byteLength ? 1 : 0;
      expect(parsed.records).toHaveLength(complete);
      expect(parsed.damagedTail).toBeNull();
      expect(parsed.tornTail === null).toBe(cut === first.byteLength || cut === whole.byteLength || cut === 0);
      // Once the header is whole, the torn tail says which transaction it was.
      if (parsed.tornTail && cut - first.byteLength > 44) expect(parsed.tornTail.from).toBe(2);
    }
  });

  it('takes a cut-short record padded with zeros up to its cut (a size update before the data) as torn', () => {
    const last = frameRecord(DB, 2, [tx('b'.repeat(100))]);
    const cut = concat(last.subarray(0, 40), new Uint8Array(30));
    const parsed = parseJournal('j', concat(frameRecord(DB, 1, [tx('a')]), cut));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.tornTail).toMatchObject({ bytes: 70, reason: 'incomplete record' });
    // A few zeros, fewer than any header: also torn.
    expect(parseJournal('j', concat(frameRecord(DB, 1, [tx('a')]), new Uint8Array(20))).tornTail).toMatchObject({ bytes: 20 });
  });

  it('tells a complete last record with a bad checksum from a torn one: damaged, returned with its bytes', () => {
    const last = frameRecord(DB, 2, [tx('ABC123-20261123-0007')]);
    last[last.byteLength - 5]! ^= 0x01;
    const parsed = parseJournal('j', concat(frameRecord(DB, 1, [tx('a')]), last));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.tornTail).toBeNull();
    expect(parsed.damagedTail).toMatchObject({ reason: 'checksum mismatch', bytes: last.byteLength });
    expect(text(parsed.damagedTail!.content)).toContain('ABC123-20261123-0007');
  });

  it('never takes a damaged length for a torn record: the header checksum catches it', () => {
    const last = frameRecord(DB, 2, [tx('b')]);
    // '#1…' → '#9…': the record now claims to run past the end of the file, as a torn one would.
    last[1] = 0x39;
    const parsed = parseJournal('j', concat(frameRecord(DB, 1, [tx('a')]), last));
    expect(parsed.tornTail).toBeNull();
    expect(parsed.damagedTail?.reason).toBe('header checksum mismatch');
  });

  it('reports zeros where several acknowledged records were (a lying fsync, then a power cut) as damage', () => {
    const records = Array.from({ length: 6 }, (_, i) => frameRecord(DB, i + 1, [tx(`entry ${i}`)]));
    const whole = concat(...records);
    const zeroFrom = whole.byteLength - 200;
    const damaged = concat(whole.subarray(0, zeroFrom), new Uint8Array(200));
    const parsed = parseJournal('j', damaged);
    expect(parsed.tornTail).toBeNull();
    expect(parsed.damagedTail).not.toBeNull();
    expect(parsed.records.length).toBeLessThan(6);
  });

  it('reports damage followed by a valid record as corruption instead of skipping it', () => {
    const first = frameRecord(DB, 1, [tx('a')]);
    first[first.byteLength - 5]! ^= 0x20;
    const bytes = concat(first, frameRecord(DB, 2, [tx('b')]));
    expect(() => parseJournal('j', bytes)).toThrow(JournalCorruptError);
    expect(() => parseJournal('j', bytes)).toThrow(/byte 0 \(checksum mismatch, and a valid record follows at byte \d+\)/);
  });

  it('resyncs at any record start, not only after a newline: a damaged terminator cannot hide the records after it', () => {
    const first = frameRecord(DB, 1, [tx('a')]);
    first[first.byteLength - 5]! ^= 0x20; // body damaged…
    first[first.byteLength - 1] = 0x78; // …and its newline, so the next record does not start a line
    const bytes = concat(first, frameRecord(DB, 2, [tx('b')]), frameRecord(DB, 3, [tx('c')]));
    expect(() => parseJournal('j', bytes)).toThrow(/valid record follows at byte \d+/);
  });

  it('reads on past a flipped terminator when both checksums verify: the byte carries no information', () => {
    const first = frameRecord(DB, 1, [tx('a')]);
    first[first.byteLength - 1] = 0x78;
    const parsed = parseJournal('j', concat(first, frameRecord(DB, 2, [tx('b')]), frameRecord(DB, 3, [tx('c')])));
    expect(parsed.records.map((r) => r.from)).toEqual([1, 2, 3]);
  });

  it('reports a damaged header followed by a valid record as corruption', () => {
    const first = frameRecord(DB, 1, [tx('a')]);
    first[1] = 0x78; // the length digit
    expect(() => parseJournal('j', concat(first, frameRecord(DB, 2, [tx('b')])))).toThrow(JournalCorruptError);
  });

  it('rejects a record whose checksums verify but whose body is malformed (a bug, never a torn write)', () => {
    const body = new TextEncoder().encode('{"from":1,"tx":"nope"}');
    const bytes = concat(new TextEncoder().encode(`#${body.byteLength} ${crc32(body).toString(16).padStart(8, '0')}\n`), body, new Uint8Array([10]));
    expect(() => parseJournal('j', bytes)).toThrow(/wrong shape/);
  });
});

describe('parameters the journal records', () => {
  it('accepts null, numbers, strings and bytes', () => {
    expect(() => assertSupportedParams([null, 1, 1.5, Number.NaN, 'x', new Uint8Array([1])])).not.toThrow();
  });

  it.each([
    ['a boolean', true],
    ['an array', [1, 2]],
    ['an object', { a: 1 }],
    ['undefined', undefined],
    ['a bigint', 10n],
    ['a date', new Date(0)],
  ])('refuses %s, naming the parameter', (_label, value) => {
    expect(() => assertSupportedParams(['ok', value])).toThrow(UnsupportedParamError);
    expect(() => assertSupportedParams(['ok', value])).toThrow(/parameter 2/);
  });
});
