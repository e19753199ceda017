import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScanRequest } from '../../ports/Scanner';
import { parseSaneOptions } from './parseSaneOptions';
import { buildSaneProfile, saneSettingArgs } from './saneProfile';

const profileOf = (name: string) =>
  buildSaneProfile(parseSaneOptions(readFileSync(new URL(`../../../test/fixtures/scans/sane/${name}`, import.meta.url), 'utf8')));
const request = (over: Partial<ScanRequest>): ScanRequest => ({ deviceId: 'd', source: 'flatbed', resolutionDpi: 300, mode: 'color', ...over });

describe('buildSaneProfile', () => {
  it('normalises the test device, emulating lineart as 1-bit gray', () => {
    const profile = profileOf('test.A.txt');
    expect(profile.capabilities).toEqual({
      sources: ['flatbed', 'adf'],
      resolutionsDpi: [75, 100, 150, 200, 240, 300, 400, 600, 1200],
      modes: ['color', 'gray', 'lineart'],
      maxAreaMm: { widthMm: 300, heightMm: 300 },
    });
    expect(saneSettingArgs(profile, request({ source: 'adf', mode: 'lineart', resolutionDpi: 150 }))).toEqual({
      ok: true,
      value: ['--source', 'Automatic Document Feeder', '--mode', 'Gray', '--depth', '1', '--resolution', '150'],
    });
  });

  it.each([
    ['vendor-hpaio.A.txt', ['flatbed', 'adf'], ['color', 'gray', 'lineart'], { flatbed: 'Flatbed', adf: 'ADF' }],
    ['vendor-airscan.A.txt', ['flatbed', 'adf'], ['color', 'gray'], { flatbed: 'Flatbed', adf: 'ADF' }],
    ['vendor-epson2.A.txt', ['flatbed', 'adf'], ['color', 'gray', 'lineart'], { flatbed: 'Flatbed', adf: 'Automatic Document Feeder' }],
    ['vendor-fujitsu.A.txt', ['adf'], ['color', 'gray', 'lineart'], { adf: 'ADF Front' }],
    ['vendor-brother4.A.txt', ['flatbed', 'adf'], ['color', 'gray', 'lineart'], { flatbed: 'FlatBed', adf: 'Automatic Document Feeder(left aligned)' }],
  ] as const)('normalises %s', (file, sources, modes, sourceValues) => {
    const profile = profileOf(file);
    expect(profile.capabilities.sources).toEqual(sources);
    expect(profile.capabilities.modes).toEqual(modes);
    expect(profile.sourceValues).toEqual(sourceValues);
  });

  it('picks the plain vendor mode over dithered or fast variants', () => {
    expect(profileOf('vendor-brother4.A.txt').modeValues).toEqual({ color: { mode: '24bit Color' }, gray: { mode: 'True Gray' }, lineart: { mode: 'Black & White' } });
    expect(profileOf('vendor-fujitsu.A.txt').modeValues.lineart).toEqual({ mode: 'Lineart' });
  });

  it('offers listed resolutions as they are and usual ones from a range', () => {
    expect(profileOf('vendor-epson2.A.txt').capabilities.resolutionsDpi).toEqual([75, 300, 600, 1200]);
    expect(profileOf('vendor-fujitsu.A.txt').capabilities.resolutionsDpi).toEqual([75, 100, 150, 200, 240, 300, 400, 600]);
    expect(profileOf('vendor-hpaio.A.txt').capabilities.maxAreaMm).toEqual({ widthMm: 215.9, heightMm: 355.6 });
  });

  it('treats a device without a --source option as flatbed only and passes no --source', () => {
    const profile = buildSaneProfile(parseSaneOptions('    --mode Color|Gray [Color]\n    --resolution 100|200dpi [100]\n'));
    expect(profile.capabilities.sources).toEqual(['flatbed']);
    expect(profile.capabilities.maxAreaMm).toBeNull();
    expect(saneSettingArgs(profile, request({ resolutionDpi: 200 }))).toEqual({ ok: true, value: ['--mode', 'Color', '--resolution', '200'] });
  });
});

describe('saneSettingArgs', () => {
  it('refuses what the device does not offer', () => {
    expect(saneSettingArgs(profileOf('vendor-fujitsu.A.txt'), request({ source: 'flatbed' }))).toEqual({
      ok: false,
      error: { kind: 'unsupported-setting', setting: 'source', requested: 'flatbed' },
    });
    expect(saneSettingArgs(profileOf('vendor-airscan.A.txt'), request({ mode: 'lineart' }))).toMatchObject({ ok: false, error: { setting: 'mode' } });
    expect(saneSettingArgs(profileOf('vendor-epson2.A.txt'), request({ resolutionDpi: 150 }))).toMatchObject({ ok: false, error: { setting: 'resolution', requested: '150' } });
    expect(saneSettingArgs(profileOf('test.A.txt'), request({ resolutionDpi: 2400 }))).toMatchObject({ ok: false, error: { setting: 'resolution' } });
  });
});
