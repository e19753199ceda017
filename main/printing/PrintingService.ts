/**
 * printing.* (issue 15 item 1): receipts, results and hand-over documents to the counter's printer
 * with one key. The document comes from the same place the screens get it (receipts.forApplication,
 * status.result — in training mode already watermarked), goes to the printer port, and the outcome
 * is audited and logged. With no print system, or no printer chosen, the answer is `use-dialog`
 * with the document; a failed job carries the document too, so the operator can save it.
 */
import type { ChoosePrinterError, PrintDocument, PrintedDocument, PrintError, PrintingApi, PrintingStatus, PrintOutcome } from '../../core/contract/printing';
import type { NotSignedIn } from '../../core/contract/common';
import { err, ok, type Result } from '../../core/result';
import type { AuditLog } from '../audit/AuditLog';
import type { Logger } from '../platform/log/Logger';
import type { OperatorSession } from '../services/OperatorSession';
import type { PrinterPort } from './PrinterPort';

/** Where the documents come from: the contract's own receipts and results (so a print equals what the screen saves). */
export interface PrintableDocuments {
  receipt(applicationId: string, language: 'kk' | 'ru'): Promise<Result<PrintedDocument, { readonly kind: string }>>;
  result(applicationId: string): Promise<Result<PrintedDocument, { readonly kind: string }>>;
}

/** The supervisor's choice of printer, kept in the settings table. */
export interface PrinterChoice {
  get(): string | null;
  set(name: string | null): Promise<void>;
}

export interface PrintingDeps {
  readonly session: Pick<OperatorSession, 'require'>;
  /** null: this workstation has no print system to print silently through (the dialog is used). */
  readonly printer: PrinterPort | null;
  readonly documents: PrintableDocuments;
  readonly choice: PrinterChoice;
  readonly audit: Pick<AuditLog, 'record'>;
  readonly logger: Logger;
  readonly monotonicMs?: () => number;
}

export class PrintingService implements PrintingApi {
  constructor(private readonly deps: PrintingDeps) {}

  async status(): Promise<Result<PrintingStatus, NotSignedIn>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    return ok(await this.describe());
  }

  async print(document: PrintDocument): Promise<Result<PrintOutcome, PrintError>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const fetched = document.kind === 'receipt' ? await this.deps.documents.receipt(document.applicationId, document.language) : await this.deps.documents.result(document.applicationId);
    if (!fetched.ok) return fetched.error.kind === 'not-signed-in' ? err({ kind: 'not-signed-in' }) : err({ kind: 'not-found' });
    const { printer } = this.deps;
    const chosen = this.deps.choice.get();
    const operatorId = active.value.operator.operatorId;
    const audit = (detail: Record<string, string | null>) =>
      this.deps.audit.record({ operatorId, action: 'print', subject: document.applicationId, detail: { document: document.kind, ...detail } });

    if (!printer || chosen === null) {
      const reason = !printer ? 'no-print-system' : 'no-printer-chosen';
      await audit({ via: 'dialog', outcome: reason });
      return ok({ kind: 'use-dialog', reason, document: fetched.value });
    }
    const started = this.now();
    const job = await printer.print({ printer: chosen, title: fetched.value.fileName.replace(/\.pdf$/i, ''), pdf: Buffer.from(fetched.value.pdfBase64, 'base64') });
    const ms = Math.round(this.now() - started);
    if (!job.ok) {
      this.deps.logger.warn('print.failed', { document: document.kind, via: printer.via, reason: job.error, ms });
      await audit({ via: printer.via, outcome: 'failed', reason: job.error });
      return err({ kind: 'print-failed', reason: job.error, printer: chosen, document: fetched.value });
    }
    this.deps.logger.info('print.done', { document: document.kind, via: printer.via, state: job.value.state, ms });
    await audit({ via: printer.via, outcome: job.value.state, jobId: job.value.jobId });
    return ok({ kind: job.value.state === 'completed' ? 'printed' : 'queued', printer: chosen, jobId: job.value.jobId });
  }

  async choosePrinter(name: string | null): Promise<Result<PrintingStatus, ChoosePrinterError>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    if (active.value.operator.role !== 'supervisor') return err({ kind: 'not-permitted' });
    if (name !== null) {
      const listed = this.deps.printer ? await this.deps.printer.listPrinters() : null;
      if (!listed?.ok || !listed.value.some((printer) => printer.name === name)) return err({ kind: 'printer-not-found' });
    }
    await this.deps.choice.set(name);
    await this.deps.audit.record({ operatorId: active.value.operator.operatorId, action: 'settings-change', subject: null, detail: { setting: 'printer', chosen: name !== null } });
    this.deps.logger.info('print.printer-chosen', { chosen: name !== null, via: this.deps.printer?.via ?? 'dialog' });
    return ok(await this.describe());
  }

  private async describe(): Promise<PrintingStatus> {
    const { printer } = this.deps;
    const chosen = this.deps.choice.get();
    if (!printer) return { via: 'dialog', printers: [], listError: null, chosen };
    const listed = await printer.listPrinters();
    if (!listed.ok) this.deps.logger.warn('print.list-failed', { via: printer.via, reason: listed.error });
    return { via: printer.via, printers: listed.ok ? listed.value : [], listError: listed.ok ? null : listed.error, chosen };
  }

  private now(): number {
    return this.deps.monotonicMs?.() ?? performance.now();
  }
}
