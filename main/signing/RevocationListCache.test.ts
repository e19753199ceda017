import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { RevocationListCache } from './RevocationListCache';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { trustedFrom } from '../../test/support/testPki/signPolicy';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-23T06:00:00.000Z');

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki({ now: T0, operatorIin: '850415312343', otherIin: '901120412403', password: 'pw' });
});

function setup(dir: string, answers: Result<readonly Uint8Array[], BackendFailure>[], maxAgeMs = 24 * HOUR) {
  const clock = { at: T0, now() { return this.at; } };
  const calls = { count: 0 };
  const open = () =>
    RevocationListCache.open({
      dir,
      maxAgeMs,
      refreshAfterMs: HOUR,
      clock,
      pki: trustedFrom([pki.ca.certPem]),
      onUnexpectedError: (error) => { throw error; },
      fetch: async () => {
        calls.count++;
        return answers.shift() ?? { ok: false, error: { kind: 'network' } };
      },
    });
  return { clock, calls, open };
}

const tempDir = () => mkdtemp(path.join(tmpdir(), 'psc-crl-'));

describe('RevocationListCache', () => {
  it('is stale with no list at all, and says so distinctly when the backend cannot be reached', async () => {
    const { open, calls } = setup(await tempDir(), []);
    const cache = await open();
    expect(cache.status()).toEqual({ fetchedAt: null, nextUpdate: null, stale: true });
    expect(await cache.current()).toEqual({ ok: false, error: { kind: 'revocation-list-stale', fetchedAt: null } });
    expect(calls.count).toBe(1);
  });

  it('fetches, saves to disk, and a later run uses the saved list without asking the backend', async () => {
    const dir = await tempDir();
    const first = setup(dir, [{ ok: true, value: [pki.crlDer] }]);
    const cache = await first.open();
    const current = await cache.current();
    expect(current.ok && current.value.map((crl) => Buffer.from(crl.der).toString('base64'))).toEqual([Buffer.from(pki.crlDer).toString('base64')]);
    const saved = JSON.parse(await readFile(path.join(dir, 'crls.json'), 'utf8')) as { crls: string[] };
    expect(saved.crls).toEqual([Buffer.from(pki.crlDer).toString('base64')]);
    expect(cache.status()).toMatchObject({ fetchedAt: T0.toISOString(), stale: false });
    expect(cache.status().nextUpdate).toBe(new Date(T0.getTime() + 7 * 24 * HOUR).toISOString());

    const second = setup(dir, []);
    second.clock.at = new Date(T0.getTime() + 10 * 60_000);
    const reopened = await second.open();
    expect((await reopened.current()).ok).toBe(true);
    expect(second.calls.count).toBe(0);
  });

  it('keeps signing offline within the maximum age, then refuses with when it was last fetched', async () => {
    const { open, clock, calls } = setup(await tempDir(), [{ ok: true, value: [pki.crlDer] }]);
    const cache = await open();
    await cache.refresh();
    clock.at = new Date(T0.getTime() + 23 * HOUR);
    expect((await cache.current()).ok).toBe(true); // old: refreshed in the background (fails), still usable
    expect(calls.count).toBe(2);
    clock.at = new Date(T0.getTime() + 25 * HOUR);
    expect(await cache.current()).toEqual({ ok: false, error: { kind: 'revocation-list-stale', fetchedAt: T0.toISOString() } });
    expect(cache.status().stale).toBe(true);
  });

  it('treats a list past its own nextUpdate as stale even within the maximum age', async () => {
    const { open, clock } = setup(await tempDir(), [{ ok: true, value: [pki.crlDer] }], 30 * 24 * HOUR);
    const cache = await open();
    await cache.refresh();
    clock.at = new Date(T0.getTime() + 6 * 24 * HOUR);
    expect(cache.status().stale).toBe(false);
    clock.at = new Date(T0.getTime() + 8 * 24 * HOUR);
    expect(cache.status().stale).toBe(true);
  });

  it('refuses a list no trust anchor signed, or that is not a CRL, and keeps the good one it had', async () => {
    const { open } = setup(await tempDir(), [
      { ok: true, value: [pki.crlDer] },
      { ok: true, value: [Uint8Array.from(Buffer.from(pki.keys.valid.certPem))] },
    ]);
    const cache = await open();
    expect(await cache.refresh()).toBe(true);
    expect(await cache.refresh()).toBe(false);
    expect(cache.status().fetchedAt).toBe(T0.toISOString());

    const other = await generateTestPki({ now: T0, operatorIin: '850415312343', otherIin: '901120412403', password: 'pw' });
    const foreign = setup(await tempDir(), [{ ok: true, value: [other.crlDer] }]);
    const refused = await foreign.open();
    expect(await refused.refresh()).toBe(false);
    expect(refused.status().fetchedAt).toBeNull();
  });

  it('shares one request between concurrent refreshes', async () => {
    const { open, calls } = setup(await tempDir(), [{ ok: true, value: [pki.crlDer] }]);
    const cache = await open();
    const results = await Promise.all([cache.refresh(), cache.refresh(), cache.current()]);
    expect(results[0]).toBe(true);
    expect(results[1]).toBe(true);
    expect(calls.count).toBe(1);
  });
});

describe('RevocationListCache with several CAs', () => {
  it('keeps the lists a trusted CA signed and drops the others from the same answer', async () => {
    const other = await generateTestPki({ now: T0, operatorIin: '850415312343', otherIin: '901120412403', password: 'pw' });
    const dir = await tempDir();
    const { open } = setup(dir, [{ ok: true, value: [other.crlDer, pki.crlDer] }]);
    const cache = await open();
    expect(await cache.refresh()).toBe(true);
    const current = await cache.current();
    expect(current.ok && current.value.map((crl) => Buffer.from(crl.der).equals(Buffer.from(pki.crlDer)))).toEqual([true]);
  });
});
