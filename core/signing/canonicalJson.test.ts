import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes, toJsonPointer } from './canonicalJson';

function canon(value: unknown): string {
  const r = canonicalJson(value);
  if (!r.ok) throw new Error(`unexpected error ${JSON.stringify(r.error)}`);
  return r.value;
}

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

describe('canonicalJson — RFC 8785 vectors', () => {
  it('§3.2.2 main example: literals, numbers and string escapes', () => {
    // Input text exactly as in RFC 8785 §3.2.2, parsed with JSON.parse.
    const input: unknown = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canon(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3 sorting example: names ordered by UTF-16 code units', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const out = canon(input);
    // Order of values as listed in the RFC (JSON.parse would re-order "1", so check the text).
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh'];
    const positions = order.map((v) => out.indexOf(`"${v}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts by UTF-16 code units, not code points: U+1F600 (D83D…) sorts before U+FB33', () => {
    expect(canon({ '\ufb33': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
    expect(canon({ b: 1, a: 2, aa: 3, B: 4, '': 5 })).toBe('{"":5,"B":4,"a":2,"aa":3,"b":1}');
  });

  // Appendix B: IEEE 754 bit pattern -> expected serialisation.
  const appendixB: readonly [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // -0
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(appendixB)('Appendix B number %s -> %s', (bits, expected) => {
    expect(canon(fromBits(bits))).toBe(expected);
  });

  it('Appendix B non-finite patterns (NaN 7fffffffffffffff, Infinity 7ff0000000000000) are errors', () => {
    expect(canonicalJson(fromBits('7fffffffffffffff'))).toEqual({ ok: false, error: { kind: 'non-finite-number', path: '', value: NaN } });
    expect(canonicalJson(fromBits('7ff0000000000000'))).toEqual({ ok: false, error: { kind: 'non-finite-number', path: '', value: Infinity } });
  });

  it('numbers follow ECMAScript Number.prototype.toString for arbitrary doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(canon(n)).toBe(Object.is(n, -0) ? '0' : String(n));
      }),
    );
  });
});

describe('canonicalJson — serialisation', () => {
  it('escapes only the characters RFC 8785 §3.2.2.2 requires', () => {
    expect(canon('\b\f\n\r\t"\\')).toBe('"\\b\\f\\n\\r\\t\\"\\\\"');
    expect(canon('\u0000\u0001\u000b\u001f')).toBe('"\\u0000\\u0001\\u000b\\u001f"');
    expect(canon('/\u007f\u0080\u2028\u2029<>&\'')).toBe('"/\u007f\u0080\u2028\u2029<>&\'"');
  });

  it('matches JSON.stringify escaping for every control character', () => {
    for (let c = 0; c < 0x20; c++) {
      const s = String.fromCharCode(c);
      expect(canon(s)).toBe(JSON.stringify(s));
    }
  });

  it('round-trips Kazakh text unescaped', () => {
    const input = {
      ФИО: 'Әлихан Бөкейхан',
      мекенжай: 'Қазақстан, Алматы қ., Абай даңғылы, 10',
      letters: 'ӘәҒғҚқҢңӨөҰұҮүҺһІі',
      items: ['Құжат', 'Сенімхат', { ескерту: 'жоқ' }],
    };
    const out = canon(input);
    expect(JSON.parse(out)).toEqual(input);
    expect(out).toContain('"letters":"ӘәҒғҚқҢңӨөҰұҮүҺһІі"');
    expect(out).not.toContain('\\u');
  });

  it('nests objects and arrays without whitespace, arrays keep their order', () => {
    const input = { z: [3, 1, 2, { b: [], a: {} }], a: { y: null, x: [true, false, 'q'] } };
    expect(canon(input)).toBe('{"a":{"x":[true,false,"q"],"y":null},"z":[3,1,2,{"a":{},"b":[]}]}');
    expect(canon([])).toBe('[]');
    expect(canon({})).toBe('{}');
    expect(canon(null)).toBe('null');
    expect(canon(true)).toBe('true');
    expect(canon(-0)).toBe('0');
  });

  it('is independent of insertion order', () => {
    const a = { applicant: { iin: '900101300123', name: 'Айгүл' }, docs: [{ sha256: 'ab', slot: 'id' }], key: 'k-1' };
    const b = { key: 'k-1', docs: [{ slot: 'id', sha256: 'ab' }], applicant: { name: 'Айгүл', iin: '900101300123' } };
    expect(canonicalJsonBytes(a)).toEqual(canonicalJsonBytes(b));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canon(reversed)).toBe(canon(obj));
      }),
    );
  });

  it('accepts null-prototype objects and shared (non-cyclic) references', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = 2;
    const shared = { x: 1 };
    expect(canon(bare)).toBe('{"a":2,"b":1}');
    expect(canon([shared, { s: shared }])).toBe('[{"x":1},{"s":{"x":1}}]');
  });

  it('agrees with JSON.parse round-trip for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const out = canon(v);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canon(JSON.parse(out))).toBe(out); // idempotent
      }),
    );
  });
});

describe('canonicalJsonBytes', () => {
  it('is the UTF-8 encoding of the canonical string', () => {
    const input = { kk: 'Қазақ тілі', emoji: '\ud83d\ude00', euro: '€', ascii: 'a', two: 'ö' };
    const r = canonicalJsonBytes(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(new TextEncoder().encode(canon(input)));
    // 1-, 2-, 3- and 4-byte sequences, checked against hand-written bytes.
    expect(canonicalJsonBytes('a\u00f6\u20ac\ud83d\ude00')).toEqual({
      ok: true,
      value: Uint8Array.from([0x22, 0x61, 0xc3, 0xb6, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x22]),
    });
  });

  it('matches TextEncoder for arbitrary well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = canonicalJsonBytes(s);
        expect(r).toEqual({ ok: true, value: new TextEncoder().encode(canon(s)) });
      }),
    );
  });

  it('passes errors through', () => {
    expect(canonicalJsonBytes({ a: undefined })).toEqual({ ok: false, error: { kind: 'unsupported-value', path: '/a', valueType: 'undefined' } });
  });
});

describe('canonicalJson — errors with paths', () => {
  it('unsupported-value for undefined, functions, symbols, bigint, holes and non-plain objects', () => {
    const cases: readonly [unknown, string, string][] = [
      [undefined, '', 'undefined'],
      [{ a: undefined }, '/a', 'undefined'],
      [{ a: [1, () => 1] }, '/a/1', 'function'],
      [[Symbol('s')], '/0', 'symbol'],
      [{ n: { big: 10n } }, '/n/big', 'bigint'],
      [[1, , 3], '/1', 'undefined'], // eslint-disable-line no-sparse-arrays
      [{ when: new Date(0) }, '/when', 'Date'],
      [{ m: new Map() }, '/m', 'Map'],
      [{ u: new Uint8Array(1) }, '/u', 'Uint8Array'],
      [{ s: new String('x') }, '/s', 'String'],
      [{ [Symbol('k')]: 1 }, '', 'object with symbol keys'],
    ];
    for (const [value, path, valueType] of cases) {
      expect(canonicalJson(value)).toEqual({ ok: false, error: { kind: 'unsupported-value', path, valueType } });
    }
  });

  it('non-finite-number for NaN and ±Infinity', () => {
    expect(canonicalJson({ fee: [1, NaN] })).toEqual({ ok: false, error: { kind: 'non-finite-number', path: '/fee/1', value: NaN } });
    expect(canonicalJson({ x: -Infinity })).toEqual({ ok: false, error: { kind: 'non-finite-number', path: '/x', value: -Infinity } });
  });

  it('invalid-string for lone surrogates in values and member names', () => {
    expect(canonicalJson({ a: ['ok', 'x\ud800'] })).toEqual({ ok: false, error: { kind: 'invalid-string', path: '/a/1', in: 'value', index: 1 } });
    expect(canonicalJson('\udc00\ud83d\ude00')).toEqual({ ok: false, error: { kind: 'invalid-string', path: '', in: 'value', index: 0 } });
    expect(canonicalJson('\ud83d\ude00\ud83d')).toEqual({ ok: false, error: { kind: 'invalid-string', path: '', in: 'value', index: 2 } });
    expect(canonicalJson({ o: { 'k\udfff': 1 } })).toEqual({ ok: false, error: { kind: 'invalid-string', path: '/o/k\udfff', in: 'key', index: 1 } });
  });

  it('cyclic-value where the cycle closes', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(canonicalJson(a)).toEqual({ ok: false, error: { kind: 'cyclic-value', path: '/self' } });
    const list: unknown[] = [1];
    const holder = { 'x/y': { 'm~n': list } };
    list.push(holder);
    expect(canonicalJson(holder)).toEqual({ ok: false, error: { kind: 'cyclic-value', path: '/x~1y/m~0n/1' } });
  });

  it('reports the first error in canonical (sorted) order', () => {
    expect(canonicalJson({ b: NaN, a: undefined })).toEqual({ ok: false, error: { kind: 'unsupported-value', path: '/a', valueType: 'undefined' } });
  });
});

describe('toJsonPointer', () => {
  it('escapes ~ and / per RFC 6901', () => {
    expect(toJsonPointer([])).toBe('');
    expect(toJsonPointer(['a/b', 'c~d', 0, ''])).toBe('/a~1b/c~0d/0/');
  });
});
