/**
 * Drives every contract method through both transports, the Electron IPC wiring (with the real
 * preload bridge over an in-memory ipcMain) and the browser host's HTTP RPC, against a real
 * workstation and the embedded backend; and checks that both refuse what they must refuse.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IDS, DEMO_CREDENTIALS } from '../../backend/fixtures/fixtureIds';
import { localDate } from '../../core/calendar/localDate';
import { createContractClient, listContractMethods, type WorkstationApi } from '../../core/contract/workstationApi';
import { registerWorkstationIpc, type IpcMainLike } from '../../main/host/electron/registerWorkstationIpc';
import { createWebHost, type WebHost } from '../../main/host/web/createWebHost';
import { createWorkstationBridge } from '../../preload/bridge';
import type { Workstation } from '../../main/app';
import { demoSigning, realPdf, startTestWorkstation, stubRendererDir, toBase64 } from '../support/workstationHarness';

type Handler = Parameters<IpcMainLike['handle']>[1];
const TOP_FRAME = { url: 'app://workstation/index.html', parent: null };

function inMemoryIpc() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const invokeAs = (frame: { url: string; parent: unknown } | null) => (channel: string, args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Structured clone mimics what crosses a real IPC boundary.
    return handler({ senderFrame: frame }, ...structuredClone(args));
  };
  return { ipcMain, handlers, invokeAs };
}

function httpInvoke(host: WebHost, headers: Record<string, string> = {}) {
  return async (area: string, method: string, args: unknown[]) => {
    const response = await fetch(`${host.origin}/rpc/${area}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Workstation-Token': host.token, ...headers },
      body: JSON.stringify({ args }),
    });
    const body = (await response.json()) as unknown;
    if (response.status !== 200) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, body });
    return body;
  };
}

/** Walks the flow, calling every method at least once; the callers record which methods went over the wire. */
async function exerciseEveryMethod(client: WorkstationApi) {
  expect(await client.system.about()).toMatchObject({ ok: true, value: { host: 'browser', backend: { mode: 'embedded' } } });
  expect(await client.system.storage()).toMatchObject({ ok: true, value: { state: { kind: 'ok' }, damage: [] } });
  expect(await client.system.setLanguage('ru')).toEqual({ ok: true, value: 'ru' });
  expect(await client.system.about()).toMatchObject({ ok: true, value: { language: 'ru' } });
  expect(await client.session.current()).toEqual({ ok: true, value: null });
  expect(await client.catalog.listServices()).toEqual({ ok: false, error: { kind: 'not-signed-in' } });

  expect(await client.session.login({ login: 'operator', password: 'wrong' })).toEqual({ ok: false, error: { kind: 'invalid-credentials' } });
  const login = await client.session.login(DEMO_CREDENTIALS.operator);
  expect(login).toMatchObject({ ok: true, value: { login: 'operator', role: 'operator', workplace: { kind: 'psc' } } });
  expect(await client.session.current()).toMatchObject({ ok: true, value: { login: 'operator' } });

  const services = await client.catalog.listServices();
  if (!services.ok) throw new Error('catalog refused');
  expect(services.value.length).toBeGreaterThan(3);
  expect(services.value.every((s) => s.performer === 'psc-operator')).toBe(true);
  // Current versions only: the 2014 casino regulation, not the 2012 one it replaced.
  expect(services.value.map((s) => s.id)).toContain('002-a2-casino-2014');
  expect(services.value.map((s) => s.id)).not.toContain('000-a1-casino-2012');
  const allVersions = await client.catalog.listAllVersions();
  expect(allVersions.ok && allVersions.value.map((s) => s.id)).toContain('000-a1-casino-2012');
  const preview = await client.catalog.previewDeadline({ serviceId: '002-a2-casino-2014', subtype: 'issue' });
  expect(preview).toMatchObject({ ok: true, value: { workingDays: 15, acceptanceDayCounts: false, plannedResultDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  expect(await client.catalog.previewDeadline({ serviceId: '000-a1-casino-2012', subtype: 'issue' })).toEqual({ ok: false, error: { kind: 'unknown-service' } });
  expect(await client.settings.get()).toMatchObject({ ok: true, value: { calendarOverrides: [], idleLockMinutes: 5 } });
  expect(await client.settings.setCurrentServiceVersion('casino', '000-a1-casino-2012')).toEqual({ ok: false, error: { kind: 'not-permitted' } });
  expect(await client.settings.setIdleLockMinutes(10)).toEqual({ ok: false, error: { kind: 'not-permitted' } });

  expect(await client.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.invalidChecksumIin })).toEqual({ ok: false, error: { kind: 'invalid-identifier' } });
  expect(await client.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.unknownValidIin })).toEqual({ ok: false, error: { kind: 'not-found' } });
  const card = await client.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  if (!card.ok) throw new Error(`lookup failed: ${card.error.kind}`);
  expect(card.value.record).toMatchObject({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany, status: 'active' });

  expect(
    await client.registry.lookupRepresentative({
      serviceId: '002-a2-casino-2014', applicantSnapshotId: card.value.snapshotId, iin: FIXTURE_IDS.activeWoman,
      powerOfAttorney: { kind: 'notarised', number: FIXTURE_IDS.poaUnknown },
    }),
  ).toEqual({ ok: false, error: { kind: 'power-of-attorney-not-found' } });
  const representative = await client.registry.lookupRepresentative({
    serviceId: '002-a2-casino-2014', applicantSnapshotId: card.value.snapshotId, iin: FIXTURE_IDS.activeWoman,
    powerOfAttorney: { kind: 'notarised', number: FIXTURE_IDS.poaCompanyToWoman },
  });
  if (!representative.ok) throw new Error(`representative refused: ${representative.error.kind}`);
  expect(representative.value.powerOfAttorney).toMatchObject({ number: FIXTURE_IDS.poaCompanyToWoman, principal: { bin: FIXTURE_IDS.activeCompany } });

  // Diagnostics after a citizen lookup: machine facts, the operator by id only, no citizen data.
  const diagnostics = await client.diagnostics.report();
  if (!diagnostics.ok) throw new Error('diagnostics refused');
  expect(diagnostics.value).toMatchObject({ operator: { operatorId: 'op-0001', role: 'operator' }, backend: { mode: 'embedded', health: { reachable: true } } });
  expect(diagnostics.value.scanners.devices.map((d) => d.id)).toContain('test:0');
  expect(diagnostics.value.text).toContain('scanimage -L');
  for (const secret of [FIXTURE_IDS.activeCompany, FIXTURE_IDS.activeWoman, '880808399112', 'ОПЕРАТОРОВ']) expect(JSON.stringify(diagnostics.value)).not.toContain(secret);

  // Step 5: a draft with scanned and imported pages (drafts.*, scanning.*), then submitDraft.
  const draft = await client.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'issue' });
  if (!draft.ok) throw new Error('draft refused');
  const draftId = draft.value.draftId;
  expect(await client.drafts.get(draftId)).toMatchObject({ ok: true, value: { draftId, missingRequiredSlots: ['application', 'identity', 'fee-receipt', 'qualification'] } });
  const withParties = await client.drafts.setParties(draftId, { applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: representative.value.snapshotId });
  expect(withParties.ok && withParties.value.missingRequiredSlots).toContain('power-of-attorney');
  expect((await client.drafts.setPresentedOnPaper(draftId, 'application', true)).ok).toBe(true);
  expect(await client.drafts.importFile(draftId, 'identity', { fileName: 'virus.exe', contentBase64: toBase64(new TextEncoder().encode('MZ....')) })).toEqual({
    ok: false,
    error: { kind: 'unsupported-type' },
  });
  for (const slot of ['identity', 'power-of-attorney', 'fee-receipt', 'qualification']) {
    const importId = randomUUID();
    expect((await client.drafts.importFile(draftId, slot, { fileName: `${slot}.pdf`, contentBase64: toBase64(await realPdf(slot)), importId })).ok).toBe(true);
    // Kept a while after it ended, for the renderer's last poll.
    expect(await client.drafts.importProgress(importId)).toEqual({ ok: true, value: { importId, state: 'done', pagesDone: 1, pageCount: 1 } });
  }
  // A cancel that arrives before its import (the file still on its way) makes that import start cancelled.
  const cancelledId = randomUUID();
  expect(await client.drafts.cancelImport(cancelledId)).toMatchObject({ ok: true, value: { importId: cancelledId, state: 'cancelled' } });
  expect(await client.drafts.importFile(draftId, 'qualification', { fileName: 'late.pdf', contentBase64: toBase64(await realPdf('late')), importId: cancelledId })).toEqual({
    ok: false,
    error: { kind: 'import-cancelled' },
  });
  const devices = await client.scanning.listDevices();
  expect(devices.ok && devices.value.map((d) => d.deviceId)).toContain('test:0');
  const job = await client.scanning.start(draftId, 'application', { deviceId: 'test:0', source: 'adf', resolutionDpi: 75, mode: 'gray', maxPages: 2 });
  if (!job.ok) throw new Error(`scan refused: ${job.error.kind}`);
  let jobNow = await client.scanning.job(job.value.jobId);
  for (let i = 0; i < 400 && jobNow.ok && jobNow.value.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    jobNow = await client.scanning.job(job.value.jobId);
  }
  expect(jobNow).toMatchObject({ ok: true, value: { state: 'completed', pagesDone: 2 } });
  expect(await client.scanning.cancel(job.value.jobId)).toMatchObject({ ok: true, value: { state: 'completed' } });
  const scanned = await client.drafts.get(draftId);
  if (!scanned.ok) throw new Error('draft lost');
  const [page1, page2] = scanned.value.slots.find((s) => s.slotId === 'application')!.pages;
  expect((await client.drafts.rotatePage(draftId, page1!.pageId, 180)).ok).toBe(true);
  expect((await client.drafts.movePage(draftId, page2!.pageId, 'application', 0)).ok).toBe(true);
  expect((await client.drafts.pageThumbnail(draftId, page1!.pageId)).ok).toBe(true);
  expect((await client.drafts.deletePage(draftId, page1!.pageId)).ok).toBe(true);
  expect((await client.drafts.listOpen()).ok).toBe(true);
  const spare = await client.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'duplicate' });
  if (!spare.ok) throw new Error('draft refused');
  expect(await client.drafts.discard(spare.value.draftId)).toEqual({ ok: true, value: null });
  expect(await client.drafts.get(spare.value.draftId)).toEqual({ ok: false, error: { kind: 'draft-not-found' } });

  // Step 6: the operator's EDS (signing.*): a wrong password, then their own key's card, then sign.
  expect(await client.signing.rememberedKey()).toEqual({ ok: true, value: null });
  expect(await client.signing.revocationStatus()).toMatchObject({ ok: true, value: { stale: false, fetchedAt: expect.any(String) } });
  const signWith = demoSigning();
  if (signWith.kind !== 'key-file') throw new Error('demo signing is a key file');
  expect(await client.signing.inspectKey(signWith.key, 'not-the-password')).toEqual({ ok: false, error: { kind: 'wrong-password' } });
  expect(await client.signing.inspectKey(signWith.key, signWith.password)).toMatchObject({
    ok: true,
    value: { problem: null, card: { owner: { iin: '880808399112', bin: '060440000004' }, isSigningKey: true } },
  });
  expect(await client.signing.rememberedKey()).toEqual({ ok: true, value: { fileName: 'operator.p12', reopenable: false } });
  expect(await client.submissions.submitDraft(draftId, null)).toEqual({ ok: false, error: { kind: 'signature-required' } });

  const submitted = await client.submissions.submitDraft(draftId, signWith);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.error.kind}`);
  expect(submitted.value.state).toBe('registered');
  expect(submitted.value.registrationNumber).toMatch(/\S+/);
  expect(submitted.value.documents.map((d) => d.mediaType)).toEqual(Array(5).fill('application/pdf'));
  expect(submitted.value.representative).toEqual({
    iin: FIXTURE_IDS.activeWoman, displayName: expect.stringMatching(/\S/), powerOfAttorney: { kind: 'notarised', number: FIXTURE_IDS.poaCompanyToWoman },
  });
  expect(submitted.value.plannedResultDate).toEqual(preview.ok ? preview.value.plannedResultDate : 'unreachable');

  // Step 8: the receipt (receipts.*), with the registration number the backend gave.
  const receipt = await client.receipts.forApplication(submitted.value.applicationId, 'kk');
  if (!receipt.ok) throw new Error(`receipt refused: ${receipt.error.kind}`);
  expect(receipt.value).toMatchObject({ numberShown: 'registration', fileName: expect.stringMatching(/^tizilimdeme-.+\.pdf$/) });
  expect(Buffer.from(receipt.value.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await client.receipts.forApplication('00000000-0000-4000-8000-000000000000', 'ru')).toEqual({ ok: false, error: { kind: 'not-found' } });
  // Printing (printing.*): no printer chosen yet, so main hands the receipt back for the dialog; only a supervisor chooses.
  expect(await client.printing.status()).toMatchObject({ ok: true, value: { via: 'cups', chosen: null } });
  const printed = await client.printing.print({ kind: 'receipt', applicationId: submitted.value.applicationId, language: 'kk' });
  expect(printed).toMatchObject({ ok: true, value: { kind: 'use-dialog', reason: 'no-printer-chosen', document: { fileName: receipt.value.fileName } } });
  expect(await client.printing.choosePrinter('CounterPDF')).toEqual({ ok: false, error: { kind: 'not-permitted' } });

  // The queue (queue.*): status, the pause lever, and actions that do not apply to a registered application.
  expect(await client.queue.status()).toMatchObject({ ok: true, value: { paused: false, counts: { registered: 1, accepted: 0 }, backlog: { remaining: 0 } } });
  expect(await client.queue.pause()).toMatchObject({ ok: true, value: { paused: true } });
  expect(await client.queue.resume()).toMatchObject({ ok: true, value: { paused: false } });
  const registeredId = submitted.value.applicationId;
  expect(await client.queue.retryNow(registeredId)).toEqual({ ok: false, error: { kind: 'not-pending' } });
  expect(await client.queue.withdraw(registeredId)).toEqual({ ok: false, error: { kind: 'not-pending' } });
  expect(await client.queue.resign(registeredId, signWith)).toEqual({ ok: false, error: { kind: 'not-pending' } });

  const list = await client.submissions.list();
  expect(list.ok && list.value.map((a) => a.registrationNumber)).toContain(submitted.value.registrationNumber);

  // After registration (status.*): the provider's status, the result not there yet, finding by number, no hand-over yet.
  const refreshed = await client.status.refresh(registeredId);
  expect(refreshed).toMatchObject({ ok: true, value: { applicationId: registeredId, tracking: { status: 'registered' }, handOver: null } });
  expect(await client.status.result(registeredId)).toEqual({ ok: false, error: { kind: 'no-result-yet' } });
  const found = await client.status.find(` ${submitted.value.registrationNumber!.toLowerCase()} `);
  expect(found.ok && found.value.map((a) => a.applicationId)).toEqual([registeredId]);
  expect(await client.status.handOver(registeredId)).toEqual({ ok: false, error: { kind: 'not-ready' } });

  // The journal (journal.*) times the visit; a [14] service has no questionnaire (questionnaire.*) but the 15-minute budget.
  const visitId = '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
  expect(await client.journal.markStep({ visitId, kind: 'acceptance', step: 'receipt', applicationId: registeredId, serviceId: null })).toMatchObject({
    ok: true, value: { visitId, step: 'receipt', budgetMinutes: 15 },
  });
  expect(await client.journal.endVisit(visitId)).toEqual({ ok: true, value: null });
  expect(await client.questionnaire.forApplication(registeredId)).toEqual({ ok: false, error: { kind: 'no-questionnaire' } });
  expect(await client.questionnaire.answer(registeredId, { quality: 2, accessibility: 1 })).toEqual({ ok: false, error: { kind: 'no-questionnaire' } });
  const journalFilter = { from: '2020-01-01', to: '2099-12-31', operatorId: null, serviceId: null };
  expect(await client.journal.report(journalFilter)).toEqual({ ok: false, error: { kind: 'not-supervisor' } });

  expect(await client.session.logout()).toEqual({ ok: true, value: null });

  // A supervisor may change what operators are offered and correct the calendar.
  expect((await client.session.login(DEMO_CREDENTIALS.supervisor)).ok).toBe(true);
  expect(await client.settings.setCurrentServiceVersion('casino', '000-a1-casino-2012')).toMatchObject({
    ok: true, value: { currentServiceVersions: { casino: '000-a1-casino-2012' } },
  });
  const afterSwitch = await client.catalog.listServices();
  expect(afterSwitch.ok && afterSwitch.value.map((s) => s.id)).toContain('000-a1-casino-2012');
  expect(await client.settings.setCurrentServiceVersion('casino', '001-security-2012')).toEqual({ ok: false, error: { kind: 'unknown-service' } });
  const override = { date: localDate('2026-12-31'), kind: 'day-off' as const, note: 'Government decree (test)' };
  expect(await client.settings.setCalendarOverrides([override])).toMatchObject({ ok: true, value: { calendarOverrides: [override] } });
  expect(await client.settings.setIdleLockMinutes(10)).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });
  expect(await client.settings.setRetentionDays(60)).toMatchObject({ ok: true, value: { retentionDays: 60 } });
  // No URL = the embedded backend the harness runs: the check reaches it, and saving it needs no restart.
  const embeddedConnection = { url: null, caBundle: { kind: 'system-trust' as const }, pins: [] };
  expect(await client.settings.checkBackendConnection(embeddedConnection)).toMatchObject({ ok: true, value: { certificate: null } });
  expect(await client.settings.setBackendConnection({ url: 'http://192.0.2.10:8080', caBundle: { kind: 'system-trust' as const }, pins: [] })).toEqual({ ok: false, error: { kind: 'insecure-url' } });
  expect(await client.settings.setBackendConnection(embeddedConnection)).toMatchObject({
    ok: true, value: { backendConnection: { url: null, restartRequired: false, active: { mode: 'embedded', transport: 'http' } }, locked: { backendConnection: false } },
  });
  const report = await client.journal.report(journalFilter);
  expect(report.ok && report.value.visits.map((v) => [v.visitId, v.registrationNumber])).toEqual([[visitId, submitted.value.registrationNumber]]);
  const csv = await client.journal.exportCsv(journalFilter, 'visits');
  expect(csv).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.csv$/) } });
  expect(csv.ok && csv.value.csv).toContain(submitted.value.registrationNumber!);
  // Idle auto-lock ends the session like logout.
  expect(await client.session.lock()).toEqual({ ok: true, value: null });
  expect(await client.session.current()).toEqual({ ok: true, value: null });
  expect((await client.session.login(DEMO_CREDENTIALS.supervisor)).ok).toBe(true);
  expect(await client.session.logout()).toEqual({ ok: true, value: null });
  expect(await client.session.current()).toEqual({ ok: true, value: null });
}

function recording(invoke: (area: string, method: string, args: unknown[]) => Promise<unknown>, called: Set<string>) {
  return (area: string, method: string, args: unknown[]) => {
    called.add(`${area}.${method}`);
    return invoke(area, method, args);
  };
}

const ALL_METHODS = listContractMethods().map((m) => `${m.area}.${m.method}`).sort();

describe('contract over the Electron IPC transport', () => {
  let workstation: Workstation;
  const ipc = inMemoryIpc();

  beforeAll(async () => {
    workstation = await startTestWorkstation();
    registerWorkstationIpc(ipc.ipcMain, workstation.api);
  });
  afterAll(() => workstation.close());

  it('registers exactly one handler per contract method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(ALL_METHODS.map((m) => `workstation:${m}`));
  });

  it('round-trips every method through the preload bridge', async () => {
    const called = new Set<string>();
    const bridge = createWorkstationBridge((channel, args) => {
      called.add(channel.replace('workstation:', ''));
      return ipc.invokeAs(TOP_FRAME)(channel, args);
    });
    await exerciseEveryMethod(bridge);
    expect([...called].sort()).toEqual(ALL_METHODS);
  });

  it('refuses a sub-frame, a foreign origin and a missing frame', async () => {
    for (const frame of [{ url: 'app://workstation/index.html', parent: {} }, { url: 'https://evil.example/', parent: null }, null]) {
      await expect(ipc.invokeAs(frame)('workstation:session.current', [])).rejects.toThrow(/untrusted sender/);
    }
  });

  it('refuses arguments that fail the schema before any service runs', async () => {
    const invoke = ipc.invokeAs(TOP_FRAME);
    await expect(invoke('workstation:session.login', [{ login: 'operator' }])).rejects.toThrow(/invalid arguments for session.login/);
    await expect(invoke('workstation:settings.setIdleLockMinutes', [61])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:settings.setIdleLockMinutes', [2.5])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:settings.setRetentionDays', [0])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:settings.setBackendConnection', [{ url: 'ftp://x.kz', caBundle: { kind: 'system-trust' as const }, pins: [] }])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:settings.setBackendConnection', [{ url: null, caBundle: { kind: 'system-trust' as const }, pins: ['sha1/abc'] }])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:registry.lookupApplicant', [{ kind: 'individual', iin: '123' }])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:system.setLanguage', ['de'])).rejects.toThrow(/invalid arguments/);
    await expect(invoke('workstation:session.current', ['extra'])).rejects.toThrow(/invalid arguments/);
  });
});

describe('contract over the browser host RPC', () => {
  let workstation: Workstation;
  let host: WebHost;

  beforeAll(async () => {
    workstation = await startTestWorkstation();
    host = await createWebHost({ api: workstation.api, rendererDir: await stubRendererDir(), port: 0, onUnexpectedError: (e) => { throw e; } });
  });
  afterAll(async () => {
    await host.close();
    await workstation.close();
  });

  it('round-trips every method over HTTP', async () => {
    const called = new Set<string>();
    await exerciseEveryMethod(createContractClient(recording(httpInvoke(host), called)));
    expect([...called].sort()).toEqual(ALL_METHODS);
  });

  it('refuses a missing or wrong token, a foreign origin and a rebinding host', async () => {
    const current = (headers: Record<string, string>) => httpInvoke(host, headers)('session', 'current', []);
    await expect(current({ 'X-Workstation-Token': '' })).rejects.toMatchObject({ status: 403, body: { error: 'bad-token' } });
    await expect(current({ 'X-Workstation-Token': `${host.token}x` })).rejects.toMatchObject({ status: 403, body: { error: 'bad-token' } });
    await expect(current({ Origin: 'http://evil.example' })).rejects.toMatchObject({ status: 403, body: { error: 'bad-origin' } });
    // fetch() drops a custom Host header, so the DNS-rebinding case goes through node:http.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${host.origin}/rpc/session/current`);
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
          headers: { Host: `evil.example:${url.port}`, Origin: host.origin, 'X-Workstation-Token': host.token, 'Content-Type': 'application/json' } },
        (response) => { response.resume(); resolve(response.statusCode ?? 0); },
      );
      request.on('error', reject);
      request.end('{"args":[]}');
    });
    expect(rebinding).toBe(403);
  });

  it('refuses unknown methods and bad arguments with 400', async () => {
    const call = httpInvoke(host);
    await expect(call('session', 'constructor', [])).rejects.toMatchObject({ status: 400 });
    await expect(call('nope', 'current', [])).rejects.toMatchObject({ status: 400 });
    await expect(call('drafts', 'get', ['not-a-uuid'])).rejects.toMatchObject({ status: 400 });
    await expect(call('drafts', 'rotatePage', ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000', 45])).rejects.toMatchObject({ status: 400 });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
  });
});
