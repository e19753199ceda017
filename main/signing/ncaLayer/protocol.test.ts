// What each NCALayer reply means (kz-domain.md §2.2, §2.3), including replies the agent should never send.
import { describe, expect, it } from 'vitest';
import { decodeArmoured, interpretBasicsReply, interpretLegacyReply } from './protocol';

const PEM = '-----BEGIN CMS-----\nMIIB\nAA==\n-----END CMS-----\n';

describe('interpretBasicsReply', () => {
  it('reads the PEM, array and outputCert result shapes', () => {
    expect(interpretBasicsReply({ status: true, body: { result: PEM } })).toEqual({ kind: 'signed', cmsText: PEM, certificateText: null });
    expect(interpretBasicsReply({ status: true, body: { result: ['MIIBAA=='] } })).toEqual({ kind: 'signed', cmsText: 'MIIBAA==', certificateText: null });
    expect(interpretBasicsReply({ status: true, body: { result: { signatures: [PEM], certificate: 'MIIC' } } })).toEqual({
      kind: 'signed',
      cmsText: PEM,
      certificateText: 'MIIC',
    });
  });

  it('treats an empty body as the operator cancelling', () => {
    expect(interpretBasicsReply({ status: true, body: {} })).toEqual({ kind: 'cancelled' });
  });

  it('tells a missing basics module from other failures, in either envelope', () => {
    expect(interpretBasicsReply({ status: false, code: 'MODULE_NOT_FOUND', message: 'Module kz.gov.pki.knca.basics not found' }).kind).toBe('module-missing');
    expect(interpretBasicsReply({ code: '500', message: 'Unknown module: kz.gov.pki.knca.basics' }).kind).toBe('module-missing');
    expect(
      interpretBasicsReply({ status: false, code: 'INVOCATION_ERROR', message: 'An invoked method threw an exception.', details: 'org.json.JSONException: x' }).kind,
    ).toBe('failed');
    expect(interpretBasicsReply({ code: '500', message: 'action.canceled' }).kind).toBe('failed');
  });

  it('fails on shapes outside the protocol', () => {
    for (const reply of [null, 'text', { status: true }, { status: true, body: { result: 42 } }, { status: true, body: { result: ['a', 'b'] } }]) {
      expect(interpretBasicsReply(reply).kind).toBe('failed');
    }
  });
});

describe('interpretLegacyReply', () => {
  it('reads success, cancel and failure', () => {
    expect(interpretLegacyReply({ code: '200', responseObject: 'MIIBAA==' })).toEqual({ kind: 'signed', cmsText: 'MIIBAA==', certificateText: null });
    expect(interpretLegacyReply({ code: '500', message: 'action.canceled' })).toEqual({ kind: 'cancelled' });
    expect(interpretLegacyReply({ code: '500', message: 'java.lang.IllegalArgumentException' })).toEqual({ kind: 'failed' });
    expect(interpretLegacyReply({ code: '200', responseObject: ['x'] })).toEqual({ kind: 'failed' });
    expect(interpretLegacyReply({ status: true, body: {} })).toEqual({ kind: 'failed' });
  });
});

describe('decodeArmoured', () => {
  it('decodes PEM of any label and bare Base64, and nothing else', () => {
    expect(Array.from(decodeArmoured(PEM) ?? [])).toEqual([0x30, 0x82, 0x01, 0x00]);
    expect(Array.from(decodeArmoured(' MIIBAA==\n') ?? [])).toEqual([0x30, 0x82, 0x01, 0x00]);
    expect(Array.from(decodeArmoured('-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----') ?? [])).toEqual([0x30, 0x82, 0x01, 0x00]);
    expect(decodeArmoured('-----BEGIN CMS-----\nMIIBAA==\n-----END PKCS7-----')).toBeNull();
    expect(decodeArmoured('not base64!')).toBeNull();
    expect(decodeArmoured('')).toBeNull();
  });
});
