import { describe, expect, it } from 'vitest';
import type { Operator } from '../../core/backendApi/wire';
import { err, ok } from '../../core/result';
import { MemoryLogger } from '../platform/log/MemoryLogger';
import { FakePrinter } from './FakePrinter';
import { PrintingService, type PrintingDeps } from './PrintingService';

const APP = '11111111-2222-4333-8444-555555555555';
const operator = (role: Operator['role']): Operator => ({ operatorId: 'op-1', login: 'x', fullName: 'ТЕСТОВ', iin: '880808399112', role, workplace: { kind: 'psc', name: 'ХҚО' } });

function arrange(overrides: Partial<PrintingDeps> = {}, role: Operator['role'] = 'operator') {
  const printer = new FakePrinter();
  let chosen: string | null = 'CounterPDF';
  const audits: unknown[] = [];
  const logger = new MemoryLogger();
  const service = new PrintingService({
    session: { require: () => ok({ operator: operator(role), token: 't', expiresAt: new Date() }) },
    printer,
    documents: {
      receipt: async (id) => (id === APP ? ok({ fileName: 'tizilimdeme-KZ-1.pdf', pdfBase64: Buffer.from('%PDF-1.7 receipt').toString('base64') }) : err({ kind: 'not-found' })),
      result: async () => err({ kind: 'no-result-yet' }),
    },
    choice: { get: () => chosen, set: async (name) => void (chosen = name) },
    audit: { record: async (entry) => void audits.push(entry) },
    logger,
    ...overrides,
  });
  return { service, printer, audits, logger, chosen: () => chosen };
}

describe('PrintingService', () => {
  it('prints the receipt on the chosen printer, audits and logs it', async () => {
    const { service, printer, audits, logger } = arrange();
    expect(await service.print({ kind: 'receipt', applicationId: APP, language: 'kk' })).toEqual({ ok: true, value: { kind: 'printed', printer: 'CounterPDF', jobId: 'CounterPDF-1' } });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.title).toBe('tizilimdeme-KZ-1');
    expect(Buffer.from(printer.jobs[0]!.pdf).toString()).toBe('%PDF-1.7 receipt');
    expect(audits).toEqual([expect.objectContaining({ action: 'print', subject: APP, detail: { document: 'receipt', via: 'cups', outcome: 'completed', jobId: 'CounterPDF-1' } })]);
    expect(logger.lines.map((l) => l.event)).toEqual(['print.done']);
  });

  it('a stopped printer fails with its reason and hands the document back to be saved', async () => {
    const { service, printer, logger } = arrange();
    printer.setProblems('CounterPDF', ['stopped']);
    const printed = await service.print({ kind: 'receipt', applicationId: APP, language: 'ru' });
    expect(printed).toMatchObject({ ok: false, error: { kind: 'print-failed', reason: 'printer-stopped', printer: 'CounterPDF', document: { fileName: 'tizilimdeme-KZ-1.pdf' } } });
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', event: 'print.failed' })]);
  });

  it('answers use-dialog with the document when no printer is chosen or there is no print system', async () => {
    const none = arrange({ choice: { get: () => null, set: async () => undefined } });
    expect(await none.service.print({ kind: 'receipt', applicationId: APP, language: 'kk' })).toMatchObject({ ok: true, value: { kind: 'use-dialog', reason: 'no-printer-chosen' } });
    const noSystem = arrange({ printer: null });
    expect(await noSystem.service.print({ kind: 'receipt', applicationId: APP, language: 'kk' })).toMatchObject({ ok: true, value: { kind: 'use-dialog', reason: 'no-print-system' } });
  });

  it('an unknown application or a result not there yet is not-found', async () => {
    const { service } = arrange();
    expect(await service.print({ kind: 'receipt', applicationId: '99999999-2222-4333-8444-555555555555', language: 'kk' })).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(await service.print({ kind: 'result', applicationId: APP })).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('only a supervisor chooses the printer, and only one the system lists', async () => {
    expect(await arrange().service.choosePrinter('CounterPDF')).toEqual({ ok: false, error: { kind: 'not-permitted' } });
    const supervisor = arrange({}, 'supervisor');
    expect(await supervisor.service.choosePrinter('Nope')).toEqual({ ok: false, error: { kind: 'printer-not-found' } });
    const chosen = await supervisor.service.choosePrinter(null);
    expect(chosen).toMatchObject({ ok: true, value: { via: 'cups', chosen: null, printers: [expect.objectContaining({ name: 'CounterPDF' })] } });
    expect(supervisor.audits).toEqual([expect.objectContaining({ action: 'settings-change', detail: { setting: 'printer', chosen: false } })]);
  });
});
