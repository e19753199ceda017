import { describe, expect, it } from 'vitest';
import type { BackendConnectionSettings } from '../../../core/contract';
import { DEFAULT_FAKE_SETTINGS, FAKE_CA_CERTIFICATE, FAKE_CA_PEM, FAKE_SERVER_CERTIFICATE } from '../../test-support/fakeSettings';
import { connectionInputOf, fingerprintBlocks, formOfSaved, isFormChanged, parseBackendUrl, parsePins, withPin } from './backendConnectionForm';

const EMBEDDED = DEFAULT_FAKE_SETTINGS.backendConnection;
const WITH_CA: BackendConnectionSettings = { ...EMBEDDED, url: 'https://elicense.example.kz', caCertificates: [FAKE_CA_CERTIFICATE], pins: [FAKE_SERVER_CERTIFICATE.pin] };
const PIN_B = 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

describe('backend connection form', () => {
  it('takes an empty URL as the embedded backend and refuses what the contract would', () => {
    expect(parseBackendUrl('  ')).toEqual({ ok: true, value: null });
    expect(parseBackendUrl(' https://elicense.example.kz:8443/ ')).toEqual({ ok: true, value: 'https://elicense.example.kz:8443/' });
    expect(parseBackendUrl('http://127.0.0.1:47100')).toEqual({ ok: true, value: 'http://127.0.0.1:47100' });
    for (const bad of ['elicense.example.kz', 'ftp://elicense.example.kz', 'https://', `https://${'a'.repeat(2_000)}.kz`]) {
      expect(parseBackendUrl(bad)).toEqual({ ok: false, error: { kind: 'invalid-url' } });
    }
  });

  it('reads one pin per line, skipping blank lines and repeats, and names the first bad line', () => {
    expect(parsePins(`\n ${FAKE_SERVER_CERTIFICATE.pin} \n\n${PIN_B}\n${PIN_B}\n`)).toEqual({ ok: true, value: [FAKE_SERVER_CERTIFICATE.pin, PIN_B] });
    expect(parsePins(`${PIN_B}\nsha256/short=`)).toEqual({ ok: false, error: { kind: 'invalid-pin', line: 2 } });
    expect(parsePins('sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toEqual({ ok: false, error: { kind: 'invalid-pin', line: 1 } });
    const eleven = Array.from({ length: 11 }, (_, i) => `sha256/${String(i).padStart(43, 'A')}=`).join('\n');
    expect(parsePins(eleven)).toEqual({ ok: false, error: { kind: 'too-many-pins', max: 10 } });
  });

  it('builds the contract input from the form', () => {
    const form = { url: 'https://elicense.example.kz', ca: { kind: 'file' as const, fileName: 'ca.pem', pem: FAKE_CA_PEM }, pinsText: PIN_B };
    expect(connectionInputOf(form)).toEqual({ ok: true, value: { url: 'https://elicense.example.kz', caBundle: { kind: 'pem', pem: FAKE_CA_PEM }, pins: [PIN_B] } });
    expect(connectionInputOf(formOfSaved(EMBEDDED))).toEqual({ ok: true, value: { url: null, caBundle: { kind: 'keep-current' }, pins: [] } });
    expect(connectionInputOf({ ...form, url: 'nope' })).toEqual({ ok: false, error: { kind: 'invalid-url' } });
    expect(connectionInputOf({ ...form, pinsText: 'x' })).toEqual({ ok: false, error: { kind: 'invalid-pin', line: 1 } });
  });

  it('keeps the saved CA certificates (whose text main holds) or asks for the system trust store', () => {
    const saved = formOfSaved(WITH_CA);
    expect(connectionInputOf({ ...saved, url: 'https://other.example.kz' })).toEqual({
      ok: true,
      value: { url: 'https://other.example.kz', caBundle: { kind: 'keep-current' }, pins: [FAKE_SERVER_CERTIFICATE.pin] },
    });
    expect(connectionInputOf({ ...saved, ca: { kind: 'system' } })).toEqual({
      ok: true,
      value: { url: 'https://elicense.example.kz', caBundle: { kind: 'system-trust' }, pins: [FAKE_SERVER_CERTIFICATE.pin] },
    });
  });

  it('knows when there is something to save', () => {
    expect(isFormChanged(formOfSaved(WITH_CA), WITH_CA)).toBe(false);
    expect(isFormChanged({ ...formOfSaved(WITH_CA), pinsText: `\n${FAKE_SERVER_CERTIFICATE.pin}  \n` }, WITH_CA)).toBe(false);
    expect(isFormChanged({ ...formOfSaved(WITH_CA), url: 'https://other.example.kz' }, WITH_CA)).toBe(true);
    expect(isFormChanged({ ...formOfSaved(WITH_CA), ca: { kind: 'system' } }, WITH_CA)).toBe(true);
    expect(isFormChanged({ ...formOfSaved(EMBEDDED), ca: { kind: 'system' } }, EMBEDDED)).toBe(false);
    expect(isFormChanged({ ...formOfSaved(WITH_CA), pinsText: '' }, WITH_CA)).toBe(true);
  });

  it('adds a pin on a line of its own, once', () => {
    expect(withPin('', PIN_B)).toBe(PIN_B);
    expect(withPin(`${FAKE_SERVER_CERTIFICATE.pin}\n\n`, PIN_B)).toBe(`${FAKE_SERVER_CERTIFICATE.pin}\n${PIN_B}`);
    expect(withPin(` ${PIN_B} `, PIN_B)).toBe(` ${PIN_B} `);
  });

  it('groups a SHA-256 fingerprint in blocks of four hex digits', () => {
    expect(fingerprintBlocks(FAKE_CA_CERTIFICATE.sha256)).toBe('3F2A 9C41 D07B E855 96E1 C0A4 B7D2 3F68 6C5E 0B19 A2F4 7D83 E6C9 B105 2D7A 4E90');
  });
});
