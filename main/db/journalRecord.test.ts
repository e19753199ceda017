import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeParams, encodeParams, encodeTransaction, frameRecord, JournalCorruptError, parseJournal } from './journalRecord';

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

describe('journal records', () => {
  it('round-trips every kind of bound value, including blobs, non-finite numbers and text with newlines', () => {
    const params = [null, 0, -1.5, 2 ** 53 - 1, 'line 1\nline 2\t«қазақша» \u2028', new Uint8Array([0, 10, 255, 35]), Number.NaN, Infinity, -Infinity, ''];
    const bytes = frameRecord(7, [encodeTransaction([['INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', encodeParams(params)]])]);
    const { records, tornTail } = parseJournal('j', bytes);
    expect(tornTail).toBeNull();
    expect(records).toHaveLength(1);
    expect(records[0]!.from).toBe(7);
    expect(decodeParams(records[0]!.transactions[0]![0]![1])).toEqual(params);
    // One line per record body: a raw newline never appears inside JSON.
    expect(new TextDecoder().decode(bytes).split('\n')).toHaveLength(3);
  });

  it('takes a group commit of several transactions as one record', () => {
    const { records } = parseJournal('j', frameRecord(3, [tx('a'), tx('b'), tx('c')]));
    expect(records.map((r) => [r.from, r.transactions.length])).toEqual([[3, 3]]);
  });

  it('ignores a torn tail at every possible cut, keeping the complete records before it', () => {
    const first = frameRecord(1, [tx('first')]);
    const second = frameRecord(2, [tx('second'), tx('third')]);
    const whole = concat(first, second);
    for (let cut = 0; cut <= whole.byteLength; cut++) {
      const parsed = parseJournal('j', whole.subarray(0, cut));
      const complete = cut >= whole.byteLength ? 2 : cut >= first.byteLength ? 1 : 0;
      expect(parsed.records).toHaveLength(complete);
      expect(parsed.tornTail === null).toBe(cut === first.byteLength || cut === whole.byteLength || cut === 0);
    }
  });

  it('treats zeros after the last record (size updated before data) as a torn tail', () => {
    const parsed = parseJournal('j', concat(frameRecord(1, [tx('a')]), new Uint8Array(40)));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.tornTail).toMatchObject({ bytes: 40, reason: 'no record header' });
  });

  it('treats a damaged last record as torn: it cannot be told from an append cut short', () => {
    const last = frameRecord(2, [tx('b')]);
    last[last.byteLength - 5]! ^= 0x01;
    const parsed = parseJournal('j', concat(frameRecord(1, [tx('a')]), last));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.tornTail?.reason).toBe('checksum mismatch');
  });

  it('reports damage followed by a valid record as corruption instead of skipping it', () => {
    const first = frameRecord(1, [tx('a')]);
    first[first.byteLength - 5]! ^= 0x20;
    const bytes = concat(first, frameRecord(2, [tx('b')]));
    expect(() => parseJournal('j', bytes)).toThrow(JournalCorruptError);
    expect(() => parseJournal('j', bytes)).toThrow(/byte 0 \(checksum mismatch, and a valid record follows at byte \d+\)/);
  });

  it('reports a damaged header followed by a valid record as corruption', () => {
    const first = frameRecord(1, [tx('a')]);
    first[1] = 0x78; // the length digit
    expect(() => parseJournal('j', concat(first, frameRecord(2, [tx('b')])))).toThrow(JournalCorruptError);
  });

  it('rejects a record whose checksum verifies but whose body is malformed (a bug, never a torn write)', () => {
    const body = new TextEncoder().encode('{"from":1,"tx":"nope"}');
    const bytes = concat(new TextEncoder().encode(`#${body.byteLength} ${crc32(body).toString(16).padStart(8, '0')}\n`), body, new Uint8Array([10]));
    expect(() => parseJournal('j', bytes)).toThrow(/wrong shape/);
  });
});
