/**
 * Printing without a dialog (DESIGN.md §6, issue 15 item 1): receipts, result PDFs and hand-over
 * documents go to the counter's printer, chosen by the supervisor from the system's list, with one
 * key. Main prints through the platform's print system (CUPS, the Windows spooler, Electron's silent
 * print); where there is none, or no printer has been chosen, main answers `use-dialog` with the
 * document and the renderer falls back to the browser's print dialog. A failed job says why in the
 * operator's language, and the document can still be saved.
 */
import { z } from 'zod';
import type { Result } from '../result';
import { entityIdSchema, type NotSignedIn } from './common';
import { receiptLanguageSchema } from './receipts';

/**
 * A print queue's name as CUPS and Windows allow it: printable, no spaces, slashes, quotes or `#`, and
 * not starting with `-` (it could read as an option). It is passed as one argument, never through a shell.
 */
export const printerNameSchema = z
  .string()
  .min(1)
  .max(127)
  .regex(/^[^\s/\\'"#-][^\s/\\'"#]*$/u, 'not a printer name');

export const printDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receipt'), applicationId: entityIdSchema, language: receiptLanguageSchema }).strict(),
  /** The provider's result (licence, refusal), printed at hand-over or from the journal. */
  z.object({ kind: z.literal('result'), applicationId: entityIdSchema }).strict(),
]);
export type PrintDocument = z.infer<typeof printDocumentSchema>;

/** What the print system reports about a printer, normalised. */
export type PrinterProblem = 'stopped' | 'offline' | 'no-paper' | 'paper-jam' | 'door-open' | 'toner-empty' | 'not-accepting';

export interface PrinterView {
  readonly name: string;
  /** The system's description of the queue (may equal the name). */
  readonly description: string;
  readonly isDefault: boolean;
  readonly state: 'idle' | 'printing' | 'stopped' | 'unknown';
  readonly problems: readonly PrinterProblem[];
}

/** How this workstation prints: the print system in use, or only the browser's dialog. */
export type PrintVia = 'cups' | 'windows-spooler' | 'electron' | 'dialog';

export interface PrintingStatus {
  readonly via: PrintVia;
  /** The system's printers; empty for `dialog`, or when the print system could not be asked (`listError`). */
  readonly printers: readonly PrinterView[];
  readonly listError: PrintFailureReason | null;
  /** The counter's printer the supervisor chose; null = none chosen (the dialog is used). */
  readonly chosen: string | null;
}

/** Why a job did not print. */
export type PrintFailureReason =
  | 'printer-not-found'
  | 'printer-stopped'
  | 'printer-offline'
  | 'no-paper'
  | 'paper-jam'
  | 'door-open'
  | 'toner-empty'
  | 'not-accepting'
  /** The print system itself does not answer (CUPS not running, spooler unreachable). */
  | 'print-system-unavailable'
  /** The print system took the job and then reported it failed (or aborted it). */
  | 'job-failed';

export interface PrintedDocument {
  readonly fileName: string;
  readonly pdfBase64: string;
}

export type PrintOutcome =
  /** The print system reports the job done. */
  | { readonly kind: 'printed'; readonly printer: string; readonly jobId: string }
  /** Accepted by the print system and still in its queue when main stopped watching (a slow printer). */
  | { readonly kind: 'queued'; readonly printer: string; readonly jobId: string }
  /** No silent printing here (no print system, or no printer chosen): print `document` through the dialog. */
  | { readonly kind: 'use-dialog'; readonly reason: 'no-print-system' | 'no-printer-chosen'; readonly document: PrintedDocument };

export type PrintError =
  | NotSignedIn
  /** The application (or its result) is not there to print. */
  | { readonly kind: 'not-found' }
  /** The job failed; `document` is the same PDF, so the operator can still save it. */
  | { readonly kind: 'print-failed'; readonly reason: PrintFailureReason; readonly printer: string; readonly document: PrintedDocument };

export type ChoosePrinterError = NotSignedIn | { readonly kind: 'not-permitted' } | { readonly kind: 'printer-not-found' };

export interface PrintingApi {
  /** The print system, its printers and the chosen one; any signed-in user (the counter shows where it prints). */
  status(): Promise<Result<PrintingStatus, NotSignedIn>>;
  /** Prints a receipt or a result on the chosen printer (one key); audited. */
  print(document: PrintDocument): Promise<Result<PrintOutcome, PrintError>>;
  /** Supervisor: the counter's printer from the system's list, or null for the dialog; audited. */
  choosePrinter(name: string | null): Promise<Result<PrintingStatus, ChoosePrinterError>>;
}
