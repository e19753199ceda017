/**
 * The operator's EDS through the whole workstation (issue #5): the demo operator signs a real
 * application at submit; what reaches the backend carries a detached CMS that OpenSSL accepts over
 * the canonical bytes of exactly the queued body; bad keys are refused before anything is stored;
 * a body changed after signing is refused by the backend and lands with the operator.
 */
import { backendServiceSets } from '../../core/catalog/backendServiceSets';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { applicationSubmissionSchema } from '../../core/backendApi/wire';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { signedBytesOf } from '../../core/signing/signedPayload';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { SqlJsDatabase } from '../../main/db/SqlJsDatabase';
import { MIGRATIONS } from '../../main/db/migrations';
import type { AgentSigner } from '../../main/ports/Signer';
import { FakeNcaLayerAgent } from '../support/ncaLayer/FakeNcaLayerAgent';
import { NcaLayerSigner } from '../../main/signing/ncaLayer/NcaLayerSigner';
import { ControllableBackend } from '../support/controllableBackend';
import { requireSystemTool } from '../support/requireSystemTool';
import { completeDraft, DEMO_KEY_PASSWORD, demoKeyFile, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const SIGNED_SERVICE = '002-a2-casino-2014';
const PROVIDER_SERVICE = '003-i1-veterinary-2013';

async function setup(dataDir?: string, stateDir?: string, agentSigner: AgentSigner | null = null) {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const backendState = stateDir ?? (await mkdtemp(path.join(tmpdir(), 'psc-signed-backend-')));
  const server = await createBackendServer({
    port: 0,
    stateDir: backendState,
    ...backendServiceSets(catalog),
  });
  closers.push(() => server.close());
  const backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
  const workstation = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 3_000, agentSigner }, dataDir);
  closers.push(() => workstation.close());
  return { api: workstation.api, backend, backendState, workstation };
}

async function readyDraft(api: WorkstationApi, serviceId: string, login: 'operator' | 'provider' = 'operator'): Promise<string> {
  expect((await api.session.login(DEMO_CREDENTIALS[login])).ok).toBe(true);
  const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  if (!card.ok) throw new Error(`lookup failed: ${card.error.kind}`);
  return completeDraft(api, { serviceId, subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
}

/** What the backend registered, as it stored the body it received. */
async function receivedBodies(stateDir: string): Promise<unknown[]> {
  const state = JSON.parse(await readFile(path.join(stateDir, 'state.json'), 'utf8')) as { registrations: { submission: unknown }[] };
  return state.registrations.map((r) => r.submission);
}

describe('signed submission', () => {
  it('signs the complete payload; OpenSSL verifies the CMS over the canonical bytes the backend received', async () => {
    requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
    const { api, backendState } = await setup();
    const draftId = await readyDraft(api, SIGNED_SERVICE);
    const submitted = await api.submissions.submitDraft(draftId, demoSigning());
    expect(submitted).toMatchObject({ ok: true, value: { state: 'registered' } });
    if (!submitted.ok) return;

    const [received] = await receivedBodies(backendState);
    const body = applicationSubmissionSchema.parse(received);
    expect(body).toMatchObject({
      serviceId: SIGNED_SERVICE,
      regulation: { seedFile: expect.stringMatching(/^002_/) },
      operator: { operatorId: 'op-0001', iin: '880808399112' },
      localNumber: submitted.value.localNumber,
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      operatorSignature: { format: 'cms-detached-sha256' },
    });
    expect(body.documents.length).toBeGreaterThanOrEqual(3);
    for (const document of body.documents) expect(document.pageCount).toBeGreaterThanOrEqual(1);

    const dir = await mkdtemp(path.join(tmpdir(), 'psc-signed-'));
    const bytes = signedBytesOf(received);
    if (!bytes.ok) throw new Error('body did not canonicalise');
    await writeFile(path.join(dir, 'payload.json'), bytes.value);
    await writeFile(path.join(dir, 'sig.der'), Buffer.from(body.operatorSignature!.cms, 'base64'));
    const verify = (content: string) =>
      spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', content, '-CAfile', path.join(REPO_ROOT, 'resources', 'pki', 'demo', 'demo-ca.pem'), '-purpose', 'any', '-out', '/dev/null'], { cwd: dir, encoding: 'utf8' });
    const accepted = verify('payload.json');
    expect(accepted.stderr).toContain('Verification successful');
    expect(accepted.status).toBe(0);

    // One byte of the signed bytes (a document's digest) changed: the same signature no longer holds.
    const text = Buffer.from(bytes.value).toString('utf8');
    const digest = body.documents[0]!.sha256;
    await writeFile(path.join(dir, 'tampered.json'), text.replace(digest, `${digest.slice(0, -1)}${digest.endsWith('0') ? '1' : '0'}`));
    expect(verify('tampered.json').status).not.toBe(0);
  });

  it.each([
    ['a wrong password', demoSigning('operator.p12', 'Wrong#2026'), { kind: 'wrong-password' }],
    ["another person's key", demoSigning('operator-wrong-iin.p12'), { kind: 'iin-mismatch', certificateIin: '901120412403' }],
    ['a revoked key', demoSigning('operator-revoked.p12'), { kind: 'revoked' }],
    ['an authentication key', demoSigning('operator-auth-only.p12'), { kind: 'not-a-signing-key' }],
    ['an expired key', demoSigning('operator-expired.p12'), { kind: 'expired', notAfter: expect.any(String) }],
  ])('refuses %s before anything is stored; the draft stays open', async (_label, signing, problem) => {
    const { api } = await setup();
    const draftId = await readyDraft(api, SIGNED_SERVICE);
    // A key file's refusal carries no card: the operator already saw it when checking the key.
    expect(await api.submissions.submitDraft(draftId, signing)).toEqual({ ok: false, error: { kind: 'signing-failed', problem, card: null } });
    expect(await api.submissions.list()).toEqual({ ok: true, value: [] });
    expect((await api.drafts.get(draftId)).ok).toBe(true);
  });

  it('requires a signature where the regulation does, and sends a provider employee’s application unsigned', async () => {
    const { api, backendState } = await setup();
    const signedDraft = await readyDraft(api, SIGNED_SERVICE);
    expect(await api.submissions.submitDraft(signedDraft, null)).toEqual({ ok: false, error: { kind: 'signature-required' } });
    await api.session.logout();

    const providerDraft = await readyDraft(api, PROVIDER_SERVICE, 'provider');
    expect(await api.submissions.submitDraft(providerDraft, null)).toMatchObject({ ok: true, value: { state: 'registered' } });
    const [received] = await receivedBodies(backendState);
    expect(applicationSubmissionSchema.parse(received).operatorSignature).toBeNull();
  });

  it('a body changed after signing is refused by the backend and waits for the operator', async () => {
    const first = await setup();
    const draftId = await readyDraft(first.api, SIGNED_SERVICE);
    first.backend.offline = true;
    const accepted = await first.api.submissions.submitDraft(draftId, demoSigning());
    expect(accepted).toMatchObject({ ok: true, value: { state: 'accepted' } });
    if (!accepted.ok) return;
    const dataDir = first.workstation.dataDir;
    while (closers.length) await closers.pop()!();

    // Someone edits the queued body on disk: one byte of one document's file name.
    const file = path.join(dataDir, 'workstation.sqlite');
    const db = await SqlJsDatabase.open({ file, wasmPath: createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'), migrations: MIGRATIONS });
    await db.write((w) => {
      const row = w.get(`SELECT payload_json FROM applications WHERE id = ?`, [accepted.value.applicationId]);
      const payload = JSON.parse(String(row?.payload_json)) as { documents: { fileName: string }[] };
      payload.documents[0]!.fileName = `X${payload.documents[0]!.fileName.slice(1)}`;
      w.run(`UPDATE applications SET payload_json = ? WHERE id = ?`, [JSON.stringify(payload), accepted.value.applicationId]);
    });
    await db.close();

    const second = await setup(dataDir, first.backendState);
    expect((await second.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
    let state = '';
    for (let i = 0; i < 200 && state !== 'needs-attention'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const list = await second.api.submissions.list();
      state = (list.ok && list.value[0]?.state) || '';
    }
    const list = await second.api.submissions.list();
    expect(list.ok && list.value[0]).toMatchObject({ state: 'needs-attention', problemCode: 'signature-invalid', registrationNumber: null });
  });

  it('signs through NCALayer (a fake agent speaking its protocol) and the backend accepts that signature too', async () => {
    const agent = await FakeNcaLayerAgent.start({ mode: 'sign', key: { p12: demoKeyFile(), password: DEMO_KEY_PASSWORD }, operatorIin: '880808399112' });
    closers.push(() => agent.close());
    const signer = new NcaLayerSigner({ url: agent.url, timeoutMs: 10_000, connectTimeoutMs: 2_000, locale: () => 'kk' });
    const { api, backendState } = await setup(undefined, undefined, signer);
    const draftId = await readyDraft(api, SIGNED_SERVICE);
    expect(await api.submissions.submitDraft(draftId, { kind: 'ncalayer' })).toMatchObject({ ok: true, value: { state: 'registered' } });
    expect(agent.requests).toHaveLength(1);
    const [received] = await receivedBodies(backendState);
    expect(applicationSubmissionSchema.parse(received).operatorSignature?.format).toBe('cms-detached-sha256');
  });

  it('reports a cancelled NCALayer dialog and keeps the draft', async () => {
    const agent = await FakeNcaLayerAgent.start({ mode: 'cancel' });
    closers.push(() => agent.close());
    const signer = new NcaLayerSigner({ url: agent.url, timeoutMs: 10_000, connectTimeoutMs: 2_000, locale: () => 'kk' });
    const { api } = await setup(undefined, undefined, signer);
    const draftId = await readyDraft(api, SIGNED_SERVICE);
    expect(await api.submissions.submitDraft(draftId, { kind: 'ncalayer' })).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'agent-cancelled' }, card: null } });
    expect((await api.drafts.get(draftId)).ok).toBe(true);
  });
});
