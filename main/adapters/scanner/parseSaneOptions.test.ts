import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSaneOptions } from './parseSaneOptions';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/scans/sane/${name}`, import.meta.url), 'utf8');

describe('parseSaneOptions', () => {
  it('reads the real test-device listing', () => {
    const options = parseSaneOptions(fixture('test.A.txt'));
    const byName = new Map(options.map((o) => [o.name, o]));
    expect(byName.get('mode')).toEqual({ name: 'mode', constraint: { kind: 'string-list', values: ['Gray', 'Color'] }, unit: null, current: 'Gray', isActive: true });
    expect(byName.get('resolution')).toEqual({ name: 'resolution', constraint: { kind: 'range', min: 1, max: 1200, step: 1 }, unit: 'dpi', current: '50', isActive: true });
    expect(byName.get('source')?.constraint).toEqual({ kind: 'string-list', values: ['Flatbed', 'Automatic Document Feeder'] });
    expect(byName.get('depth')?.constraint).toEqual({ kind: 'number-list', values: [1, 8, 16] });
    expect(byName.get('y')).toMatchObject({ constraint: { kind: 'range', min: 0, max: 300 }, unit: 'mm', current: '297' });
    expect(byName.get('hand-scanner')).toMatchObject({ constraint: { kind: 'bool' }, current: 'no' });
    expect(byName.get('three-pass')).toMatchObject({ isActive: false, current: null });
    expect(byName.get('button')).toMatchObject({ isActive: false, constraint: { kind: 'none' } });
    expect(byName.get('int-constraint-word-list')?.constraint).toEqual({ kind: 'number-list', values: [-42, -8, 0, 17, 42, 256, 65536, 16777216, 1073741824] });
    expect(byName.get('fixed-constraint-range')).toMatchObject({ constraint: { kind: 'range', min: -42.17, max: 32768, step: 2 }, unit: 'us' });
    // Description lines that happen to start with a word are not options.
    expect(options.every((o) => /^[\w-]+$/.test(o.name))).toBe(true);
  });

  it('keeps vendor strings that contain brackets, spaces and parentheses', () => {
    const options = parseSaneOptions(fixture('vendor-brother4.A.txt'));
    expect(options.find((o) => o.name === 'mode')).toMatchObject({
      constraint: { kind: 'string-list', values: ['Black & White', 'Gray[Error Diffusion]', 'True Gray', '24bit Color', '24bit Color[Fast]'] },
      current: '24bit Color',
    });
    expect(options.find((o) => o.name === 'x')).toMatchObject({ constraint: { kind: 'range', min: 0, max: 215.9, step: 0.0999908 }, unit: 'mm', current: '215.88' });
  });

  it('reads several trailing bracket groups and lists with a unit', () => {
    const fujitsu = parseSaneOptions(fixture('vendor-fujitsu.A.txt'));
    expect(fujitsu.find((o) => o.name === 'adf-loaded')).toMatchObject({ constraint: { kind: 'bool' }, current: 'no', isActive: true });
    const hp = parseSaneOptions(fixture('vendor-hpaio.A.txt'));
    expect(hp.find((o) => o.name === 'resolution')).toMatchObject({ constraint: { kind: 'number-list', values: [75, 100, 150, 200, 300, 600, 1200] }, unit: 'dpi' });
    const epson = parseSaneOptions(fixture('vendor-epson2.A.txt'));
    expect(epson.find((o) => o.name === 'gamma-correction')?.current).toBe('User defined (Gamma=1.8)');
    expect(epson.find((o) => o.name === 'red-gamma-table')).toMatchObject({ constraint: { kind: 'range', min: 0, max: 255 }, isActive: false });
  });

  it('returns nothing for output without options', () => {
    expect(parseSaneOptions('')).toEqual([]);
    expect(parseSaneOptions('scanimage: open of device x failed: Invalid argument\n')).toEqual([]);
  });
});
