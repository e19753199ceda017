/**
 * Real operators' keys are GOST (docs/domain/pki.md): in Debian's Chromium, the operator signs through
 * NCALayer (the fake agent, test/support/ncaLayer) with a GOST 2015-512 key and with a GOST 34.310-2004
 * key; each application is registered by a backend that verified its GOST CMS. Each bad GOST key is
 * refused with its own message and its card before anything is stored, and an answer over other
 * bytes than the application is refused too; the backend itself refuses a GOST-signed body changed
 * after signing with signature-invalid.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { FakeNcaLayerAgent } from '../support/ncaLayer/FakeNcaLayerAgent';
import { generateGostTestPki, type GostTestPki } from '../support/testPki/gost/generateGostTestPki';
import { signDetachedGost } from '../support/testPki/gost/gostCms';
import { pemOf } from '../../nodelib/pki/pem';
import { fillRequiredSlots, freePort, login, lookUpApplicant, newDataDir, pickService, startBackendProcess, startWebHost, type RunningBackend, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';
const OPERATOR_IIN = '880808399112'; // the fixture login `operator`
const now = new Date();
const employer = { name: 'ХҚО ТЕСТ ФИЛИАЛЫ', bin: '060440000004' };
const operatorName = { surname: 'ОПЕРАТОРОВ', name: 'НҰРЛАН', patronymic: 'ТЕСТҰЛЫ' };

let gost512: GostTestPki;
let gost2004: GostTestPki;
let agent: FakeNcaLayerAgent;
let backend: RunningBackend;
let host: RunningHost;

test.beforeAll(async () => {
  gost512 = generateGostTestPki({ family: 'gost-2015-512', now, operatorIin: OPERATOR_IIN, otherIin: '901120412403', employer, operatorName });
  gost2004 = generateGostTestPki({ family: 'gost-2004', now, operatorIin: OPERATOR_IIN, otherIin: '901120412403', employer, operatorName });
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-gost-e2e-'));
  // The backend trusts both GOST hierarchies and publishes their CRLs; the workstation trusts the same roots and CAs.
  const trustDir = path.join(dir, 'trust');
  await mkdir(trustDir);
  for (const [name, pki] of [['gost512', gost512], ['gost2004', gost2004]] as const) {
    await writeFile(path.join(trustDir, `${name}-root.pem`), pemOf(pki.root.der, 'CERTIFICATE'));
    await writeFile(path.join(trustDir, `${name}-ca.pem`), pemOf(pki.ca.der, 'CERTIFICATE'));
    await writeFile(path.join(trustDir, `${name}.crl`), pki.crlDer);
  }
  agent = await FakeNcaLayerAgent.start({ mode: 'sign', key: { gost: gost512.keys.valid }, operatorIin: OPERATOR_IIN });
  backend = await startBackendProcess(await freePort(), path.join(dir, 'backend'), { PSC_BACKEND_TRUST_DIR: trustDir });
  const dataDir = await newDataDir();
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ signing: { trustAnchorsDir: trustDir, ncaLayerUrl: agent.url } }));
  host = await startWebHost(dataDir, { PSC_BACKEND_URL: backend.url });
});

test.afterAll(async () => {
  await host?.stop();
  await backend?.stop();
  await agent?.close();
});

/** A casino licence application (2014 regulation: the operator's EDS is required) on the review step, NCALayer chosen. */
async function reviewWithNcaLayer(page: Page): Promise<void> {
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await expect(page.getByTestId('sign-section')).toBeVisible();
  await page.getByTestId('sign-method-ncalayer').click();
}

test('GOST 2015-512 and GOST 34.310-2004 keys sign through NCALayer; bad GOST keys are refused with their own message', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);

  // GOST 2015 512-bit: registered.
  await reviewWithNcaLayer(page);
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();
  expect((await page.getByTestId('registration-number').innerText()).trim()).toMatch(/\d/);
  await page.screenshot({ path: `${SCREENS}/24-gost-2015-registered.png` });

  // GOST 34.310-2004: registered.
  agent.use({ mode: 'sign', key: { gost: gost2004.keys.valid }, operatorIin: OPERATOR_IIN });
  await page.getByTestId('new-application').click();
  await reviewWithNcaLayer(page);
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();

  // Each bad GOST key: its own message and its card, nothing stored.
  const refusals = [
    ['expired', /мерзімі .* өтіп кеткен/],
    ['revoked', /кері қайтарып алынған/],
    ['wrongIin', /басқа адамға тиесілі \(ЖСН 901120412403\)/],
    ['authOnly', /аутентификация кілті/],
    ['otherCa', /сенетін куәландырушы орталық бермеген/],
  ] as const;
  await page.getByTestId('new-application').click();
  await reviewWithNcaLayer(page);
  for (const [name, message] of refusals) {
    agent.use({ mode: 'sign', key: { gost: gost512.keys[name] }, operatorIin: OPERATOR_IIN });
    await page.getByTestId('submit-application').click();
    await expect(page.getByTestId('sign-problem')).toContainText(message);
    await expect(page.getByTestId('sign-cert-algorithm')).toHaveText('GOST 2015 (512)');
    if (name === 'expired') {
      await expect(page.getByTestId('sign-cert-chain-link')).toHaveCount(2);
      await page.getByTestId('sign-problem').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/25-gost-expired-key-refused.png` });
    }
    await expect(page.getByTestId('registration-number')).toHaveCount(0);
  }

  // NCALayer signing other bytes than the application: refused as such.
  agent.use({ mode: 'tamper', key: { gost: gost512.keys.valid } });
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('sign-problem')).toContainText('NCALayer бұл өтінішке емес, басқа деректерге қол қойды');

  // Only the two good signatures were ever stored.
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(2);
});

test('the backend refuses a GOST-signed body changed after signing with signature-invalid', async ({ request }) => {
  const session = await request.post(`${backend.url}/v1/session`, { data: { ...DEMO_CREDENTIALS.operator, workstationId: 'ws-e2e' } });
  expect(session.status()).toBe(200);
  const { token } = (await session.json()) as { token: string };
  const key = '7a0c1f0e-2f57-4f6e-9c43-6a0a1b7b9d11';
  const body = {
    serviceId: '002-a2-casino-2014',
    regulation: { seedFile: '002_x.txt', annex: null },
    subtype: 'issue',
    applicant: { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany },
    registryAnswerId: 'answer-1',
    representative: null,
    documents: [{ sha256: 'ab'.repeat(32), fileName: 'өтініш.pdf', mediaType: 'application/pdf', sizeBytes: 1234, pageCount: 2 }],
    localNumber: 'E2E-0001',
    workstationId: 'ws-e2e',
    acceptedAt: now.toISOString(),
    operator: { operatorId: 'op-0001', iin: OPERATOR_IIN },
    idempotencyKey: key,
  };
  const { signedBytesOf } = await import('../../core/signing/signedPayload');
  const bytes = signedBytesOf(body);
  if (!bytes.ok) throw new Error('body cannot be signed');
  const cms = Buffer.from(signDetachedGost(gost512.keys.valid, bytes.value)).toString('base64');
  const tampered = { ...body, localNumber: 'E2E-0002', operatorSignature: { format: 'cms-detached-sha256', cms } };
  const answer = await request.post(`${backend.url}/v1/applications`, { data: tampered, headers: { authorization: `Bearer ${token}`, 'idempotency-key': key } });
  expect(answer.status()).toBe(422);
  expect(((await answer.json()) as { code: string }).code).toBe('signature-invalid');
});
