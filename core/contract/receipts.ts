/**
 * The receipt (тізілімдеме, Diagram No. 2 W7, DESIGN.md §1 step 8): the applicant's proof that the
 * application was accepted, with the list of accepted documents, the acceptance date and the
 * planned result date. Built by main as a PDF in Kazakh or Russian whenever it is asked for, so a
 * reprint after registration carries the registration number instead of the local one.
 */
import { z } from 'zod';
import type { Result } from '../result';
import type { NotSignedIn } from './common';

/** The receipt is printed in one of the two languages of the regulations; the English interface prints Russian. */
export const receiptLanguageSchema = z.enum(['kk', 'ru']);
export type ReceiptLanguage = z.infer<typeof receiptLanguageSchema>;

export interface Receipt {
  /** A file name to save it under, e.g. `tizilimdeme-KZ-2026-000123.pdf` (ASCII only). */
  readonly fileName: string;
  readonly pdfBase64: string;
  /** Which number the receipt states: the registration number once the backend gave one, else the local number. */
  readonly numberShown: 'registration' | 'local';
}

export type ReceiptError = NotSignedIn | { readonly kind: 'not-found' };

export interface ReceiptsApi {
  /** The receipt of an application accepted at this workstation, as it stands now (print, save, reprint). */
  forApplication(applicationId: string, language: ReceiptLanguage): Promise<Result<Receipt, ReceiptError>>;
}
