/** The receipt through a real workstation: sql.js on disk, the embedded backend over HTTP, the operator's EDS. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { ApplicationSummary } from '../../core/contract';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { startTestWorkstation, submitCompanyApplication } from '../../test/support/workstationHarness';
import type { Workstation } from '../app';

async function pdfText(base64: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-receipt-')), 'receipt.pdf');
  await writeFile(file, Buffer.from(base64, 'base64'));
  execFileSync('qpdf', ['--check', file]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('ReceiptService', () => {
  let workstation: Workstation;
  let application: ApplicationSummary;

  beforeAll(async () => {
    requireSystemTool('qpdf', 'qpdf', ['--version']);
    requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
    workstation = await startTestWorkstation();
    const { api } = workstation;
    if (!(await api.session.login(DEMO_CREDENTIALS.operator)).ok) throw new Error('login refused');
    application = await submitCompanyApplication(api);
  });
  afterAll(() => workstation.close());

  it('gives the receipt of a submitted application with its registration number, documents and dates', async () => {
    expect(application.state).toBe('registered');
    const receipt = await workstation.api.receipts.forApplication(application.applicationId, 'kk');
    if (!receipt.ok) throw new Error(`receipt refused: ${receipt.error.kind}`);
    expect(receipt.value.numberShown).toBe('registration');
    expect(receipt.value.fileName).toBe(`tizilimdeme-${application.registrationNumber!.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`);
    const text = await pdfText(receipt.value.pdfBase64);
    expect(text).toContain('Тізілімдеме');
    expect(text).toContain(application.registrationNumber!);
    expect(text).toContain(application.applicant.displayName);
    expect(text).toContain(FIXTURE_IDS.activeCompany);
    expect(text).toContain('Астана қ. №1 ХҚО');
    const ddmmyyyy = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    expect(text).toContain(ddmmyyyy(application.plannedResultDate!));
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(Астана уақыты, UTC\+5\)/);
    // The assembled documents are named after their slots; the receipt lists each with its page count.
    expect(application.documents.length).toBeGreaterThan(0);
    for (const document of application.documents) expect(text).toContain(document.fileName.replace(/\.pdf$/, ''));
  });

  it('reprints in Russian with the slots named in Russian', async () => {
    const receipt = await workstation.api.receipts.forApplication(application.applicationId, 'ru');
    if (!receipt.ok) throw new Error(`receipt refused: ${receipt.error.kind}`);
    expect(receipt.value.fileName).toMatch(/^raspiska-.+\.pdf$/);
    const text = await pdfText(receipt.value.pdfBase64);
    expect(text).toContain('Расписка');
    expect(text).toContain('Перечень принятых документов');
    expect(text).toContain(application.registrationNumber!);
  });

  it('answers not-found for an unknown application and not-signed-in after logout', async () => {
    expect(await workstation.api.receipts.forApplication('00000000-0000-4000-8000-000000000000', 'kk')).toEqual({ ok: false, error: { kind: 'not-found' } });
    await workstation.api.session.logout();
    expect(await workstation.api.receipts.forApplication(application.applicationId, 'kk')).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });
});
