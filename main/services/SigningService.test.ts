import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '../../core/backendApi/wire';
import type { KeySource } from '../../core/contract/signing';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { MIGRATIONS } from '../db/migrations';
import type { AgentSigner } from '../ports/Signer';
import { readSignedData } from '../../core/pki/cms';
import { Pkcs12Signer } from '../signing/Pkcs12Signer';
import { RevocationListCache } from '../signing/RevocationListCache';
import { generateTestPki, type TestKeyName, type TestPki } from '../../test/support/testPki/generateTestPki';
import { trustedFrom } from '../../test/support/testPki/signPolicy';
import { OperatorSession } from './OperatorSession';
import { SigningService } from './SigningService';

const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const NOW = new Date('2026-11-23T06:00:00.000Z');
const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

const operator = (operatorId: string): Operator => ({
  operatorId, login: operatorId, fullName: 'ҚАСЫМОВА Әйгерім', iin: OPERATOR_IIN, role: 'operator', workplace: { kind: 'psc', name: 'ХҚО' },
});

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki({ now: NOW, operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: 'Qwerty12' });
});

type Setup = { service: SigningService; session: OperatorSession; clock: { at: Date; now(): Date }; dir: string; crlFetches: () => number };

async function setup(options: { crlAvailable?: boolean; agentSigner?: AgentSigner | null } = {}): Promise<Setup> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-signing-'));
  let fetches = 0;
  const clock = { at: NOW, now() { return this.at; } };
  const db = await SqlJsDatabase.open({ file: path.join(dir, 'ws.sqlite'), wasmPath, migrations: MIGRATIONS });
  const session = new OperatorSession(clock);
  session.begin(operator('op-1'), 'token', new Date(NOW.getTime() + 3_600_000));
  const trusted = trustedFrom([pki.ca.certPem]);
  const revocationList = await RevocationListCache.open({
    dir: path.join(dir, 'pki'), maxAgeMs: 24 * 3_600_000, refreshAfterMs: 3_600_000, clock,
    pki: trusted, onUnexpectedError: (error) => { throw error; },
    fetch: async () => {
      fetches += 1;
      return options.crlAvailable === false ? { ok: false, error: { kind: 'network' } } : { ok: true, value: [pki.crlDer] };
    },
  });
  const service = new SigningService({
    db, session, keyFileSigner: new Pkcs12Signer(), agentSigner: options.agentSigner ?? null, pki: trusted,
    revocationList, clock,
  });
  return { service, session, clock, dir, crlFetches: () => fetches };
}

type FileKey = Extract<KeySource, { kind: 'file' }>;
const fileKey = (name: TestKeyName, keyPath: string | null = null): FileKey => ({
  kind: 'file', fileName: `${name}.p12`, path: keyPath, bytesBase64: Buffer.from(pki.keys[name].p12).toString('base64'),
});

describe('SigningService.inspectKey', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it("shows the operator's own valid key with its Kazakh owner name and no problem", async () => {
    const inspected = await s.service.inspectKey(fileKey('valid'), 'Qwerty12');
    expect(inspected).toMatchObject({
      ok: true,
      value: {
        problem: null,
        card: {
          owner: { fullName: 'ҚАСЫМОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ', iin: OPERATOR_IIN },
          isSigningKey: true,
          issuerCommonName: 'PSC ТЕСТ ҰКО (RSA TEST)',
          algorithm: 'RSA',
          chain: [{ commonName: 'PSC ТЕСТ ҰКО (RSA TEST)', isRoot: true }],
        },
      },
    });
  });

  it.each([
    ['expired', { kind: 'expired', notAfter: expect.stringMatching(/^2026-10-24T/) }],
    ['notYetValid', { kind: 'not-yet-valid', notBefore: expect.stringMatching(/^2026-12-23T/) }],
    ['revoked', { kind: 'revoked' }],
    ['wrongIin', { kind: 'iin-mismatch', certificateIin: OTHER_IIN }],
    ['authOnly', { kind: 'not-a-signing-key' }],
    ['otherCa', { kind: 'untrusted-issuer' }],
  ] as const)('names what is wrong with the %s key before anything is signed', async (name, problem) => {
    const inspected = await s.service.inspectKey(fileKey(name), 'Qwerty12');
    expect(inspected.ok && inspected.value.problem).toEqual(problem);
  });

  it('refuses a wrong password and a file that is not a key', async () => {
    expect(await s.service.inspectKey(fileKey('valid'), 'qwerty12')).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    const notAKey: KeySource = { kind: 'file', fileName: 'photo.p12', path: null, bytesBase64: Buffer.from('%PDF-1.4 not a key').toString('base64') };
    expect(await s.service.inspectKey(notAKey, 'Qwerty12')).toEqual({ ok: false, error: { kind: 'not-a-key-file' } });
  });

  it('says the revocation list is stale when it cannot be fetched — after any problem the key itself has', async () => {
    const offline = await setup({ crlAvailable: false });
    const valid = await offline.service.inspectKey(fileKey('valid'), 'Qwerty12');
    expect(valid.ok && valid.value.problem).toEqual({ kind: 'revocation-list-stale', fetchedAt: null });
    const wrong = await offline.service.inspectKey(fileKey('wrongIin'), 'Qwerty12');
    expect(wrong.ok && wrong.value.problem).toEqual({ kind: 'iin-mismatch', certificateIin: OTHER_IIN });
  });

  it('needs a signed-in operator', async () => {
    s.session.end();
    expect(await s.service.inspectKey(fileKey('valid'), 'Qwerty12')).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(await s.service.rememberedKey()).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });
});

describe('SigningService remembered key', () => {
  it('remembers the file per operator — its path only when the path really holds the picked bytes — never the password', async () => {
    const s = await setup();
    const keyPath = path.join(s.dir, 'my-key.p12');
    await writeFile(keyPath, pki.keys.valid.p12);
    expect(await s.service.rememberedKey()).toEqual({ ok: true, value: null });

    await s.service.inspectKey({ ...fileKey('valid'), path: path.join(s.dir, 'elsewhere.p12') }, 'Qwerty12');
    expect(await s.service.rememberedKey()).toEqual({ ok: true, value: { fileName: 'valid.p12', reopenable: false } });

    await s.service.inspectKey({ ...fileKey('valid', keyPath), fileName: 'my-key.p12' }, 'Qwerty12');
    expect(await s.service.rememberedKey()).toEqual({ ok: true, value: { fileName: 'my-key.p12', reopenable: true } });
    expect(await s.service.inspectKey({ kind: 'remembered' }, 'Qwerty12')).toMatchObject({ ok: true, value: { problem: null } });

    s.session.begin(operator('op-2'), 'token', new Date(NOW.getTime() + 3_600_000));
    expect(await s.service.rememberedKey()).toEqual({ ok: true, value: null });
    expect(await s.service.inspectKey({ kind: 'remembered' }, 'Qwerty12')).toEqual({ ok: false, error: { kind: 'key-file-unavailable' } });

    s.session.begin(operator('op-1'), 'token', new Date(NOW.getTime() + 3_600_000));
    await rm(keyPath);
    expect(await s.service.inspectKey({ kind: 'remembered' }, 'Qwerty12')).toEqual({ ok: false, error: { kind: 'key-file-unavailable' } });
  });

  it('does not remember a file that did not open with the password', async () => {
    const s = await setup();
    await s.service.inspectKey(fileKey('valid'), 'wrong');
    expect(await s.service.rememberedKey()).toEqual({ ok: true, value: null });
  });
});

describe('SigningService.sign', () => {
  const data = new TextEncoder().encode('{"serviceId":"002-a2-casino-2014"}');

  it('signs with a valid key: a detached CMS carrying the certificate', async () => {
    const s = await setup();
    const signed = await s.service.sign({ kind: 'key-file', key: fileKey('valid'), password: 'Qwerty12' }, data);
    expect(signed.ok).toBe(true);
    if (signed.ok) {
      const cms = readSignedData(signed.value.cmsDer);
      const signer = cms.ok ? cms.value.signers[0]?.sid : undefined;
      const serial = (hex: string) => hex.toLowerCase().replace(/^0+/, '');
      expect(signer?.kind === 'issuerAndSerialNumber' && signer.serialHex).toBe(serial(pki.keys.valid.serialHex));
    }
  });

  it.each([
    ['revoked', 'revoked'],
    ['wrongIin', 'iin-mismatch'],
    ['expired', 'expired'],
  ] as const)('refuses the %s key', async (name, kind) => {
    const s = await setup();
    const signed = await s.service.sign({ kind: 'key-file', key: fileKey(name), password: 'Qwerty12' }, data);
    expect(!signed.ok && signed.error.kind === 'signing-failed' && signed.error.problem.kind).toBe(kind);
  });

  it('refuses to sign on a stale revocation list, and with a wrong password', async () => {
    const offline = await setup({ crlAvailable: false });
    const before = offline.crlFetches();
    expect(await offline.service.sign({ kind: 'key-file', key: fileKey('valid'), password: 'Qwerty12' }, data)).toMatchObject({
      ok: false, error: { kind: 'signing-failed', problem: { kind: 'revocation-list-stale', fetchedAt: null }, card: { algorithm: 'RSA' } },
    });
    // One attempt to refresh the list per signature: the operator waits for the backend once, not twice.
    expect(offline.crlFetches() - before).toBe(1);
    const s = await setup();
    expect(await s.service.sign({ kind: 'key-file', key: fileKey('valid'), password: 'x' }, data)).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null } });
  });

  it('goes through the agent for NCALayer, and says so plainly when there is none', async () => {
    const none = await setup();
    expect(await none.service.sign({ kind: 'ncalayer' }, data)).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'agent-unavailable' }, card: null } });
    const seen: string[] = [];
    const agent: AgentSigner = {
      sign: async (bytes, policy) => {
        seen.push(`${Buffer.from(bytes).toString()}|${policy.operatorIin}|${policy.crls === null ? 'no-crl' : 'crl'}`);
        return { ok: false, error: { kind: 'agent-cancelled' } };
      },
    };
    const withAgent = await setup({ agentSigner: agent });
    expect(await withAgent.service.sign({ kind: 'ncalayer' }, data)).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'agent-cancelled' }, card: null } });
    expect(seen).toEqual([`${Buffer.from(data).toString()}|${OPERATOR_IIN}|crl`]);
  });
});
