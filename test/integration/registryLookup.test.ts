/**
 * Applicant lookup rules of Diagram No. 2 process 3 against the real reference backend: an
 * individual entrepreneur is found by IIN (personal entrepreneurship) or by BIN (joint), and an
 * outage is a retryable "registry unavailable", never the terminal "data cannot be obtained".
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendServer, type RunningBackend } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog, type Workstation } from '../../main/app';
import { ControllableBackend } from '../support/controllableBackend';
import { REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

let server: RunningBackend;
let backend: ControllableBackend;
let workstation: Workstation;

beforeAll(async () => {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
  backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
  workstation = await startTestWorkstation({ backend });
  expect((await workstation.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
});
afterAll(async () => {
  await workstation.close();
  await server.close();
});

describe('applicant lookup', () => {
  it('finds an individual entrepreneur by IIN, with the entrepreneur registration', async () => {
    const found = await workstation.api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.entrepreneur });
    expect(found).toMatchObject({ ok: true, value: { record: { kind: 'individual', entrepreneur: { tradeName: expect.any(String) } } } });
  });

  it('finds an entrepreneur in joint entrepreneurship by BIN (BIN type 6)', async () => {
    expect(FIXTURE_IDS.jointEntrepreneurBin[4]).toBe('6');
    const found = await workstation.api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.jointEntrepreneurBin });
    expect(found).toMatchObject({ ok: true, value: { record: { kind: 'legal-entity', bin: FIXTURE_IDS.jointEntrepreneurBin } } });
  });

  it('reports an outage as registry-unavailable, and the same lookup succeeds once the gateway is back', async () => {
    backend.offline = true;
    expect(await workstation.api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany })).toEqual({
      ok: false,
      error: { kind: 'registry-unavailable' },
    });
    backend.offline = false;
    expect((await workstation.api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany })).ok).toBe(true);
  });
});
