/**
 * The committed demo PKI (scripts/generateDemoPki.mjs, README "Signing (demo)") stays coherent: the
 * workstation's bundled trust anchor is the CA the backend signs CRLs with, every demo key opens
 * with the documented password, `operator.p12` belongs to the fixture `operator`, and it is far from
 * expiring — a fresh clone must always be able to walk the signing flow.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_PKI } from '../../backend/fixtures/demoPki';
import { FIXTURE_OPERATORS } from '../../backend/fixtures/operators';
import { readCertificate } from '../../core/pki/certificate';
import { certificateOwner } from '../../core/signing/certificateRules';
import { Pkcs12Signer } from '../../main/signing/Pkcs12Signer';
import { DEMO_KEY_PASSWORD, demoKeyFile, REPO_ROOT } from '../support/workstationHarness';

describe('demo PKI', () => {
  it('trusts on the workstation exactly the CA the backend issues CRLs with', async () => {
    const anchor = await readFile(path.join(REPO_ROOT, 'resources', 'pki', 'demo', 'demo-ca.pem'), 'utf8');
    expect(anchor.trim()).toBe(DEMO_PKI.caCertPem.trim());
  });

  it('opens every demo key with the documented password; operator.p12 is the fixture operator’s, valid for years', () => {
    const signer = new Pkcs12Signer();
    const names = readdirSync(path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys')).filter((n) => n.endsWith('.p12'));
    expect(names).toHaveLength(7);
    for (const name of names) expect(signer.certificateOf(demoKeyFile(name), DEMO_KEY_PASSWORD).ok).toBe(true);

    const certificate = signer.certificateOf(demoKeyFile('operator.p12'), DEMO_KEY_PASSWORD);
    if (!certificate.ok) throw new Error(certificate.error.kind);
    const read = readCertificate(certificate.value);
    if (!read.ok) throw new Error(read.error.kind);
    const operator = FIXTURE_OPERATORS.find((o) => o.login === 'operator');
    expect(certificateOwner(read.value.subject).iin).toBe(operator?.iin);
    expect(read.value.keyUsage?.nonRepudiation).toBe(true);
    const yearFromNow = Date.now() + 365 * 24 * 3_600_000;
    expect(read.value.notAfter.getTime()).toBeGreaterThan(yearFromNow);
  });
});
