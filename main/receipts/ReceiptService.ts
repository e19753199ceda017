/**
 * receipts.forApplication: the receipt of an application accepted at this workstation, built from
 * what is stored (the accepted payload's documents, the planned date computed at acceptance, the
 * registration number once the backend gave one), the catalog entry it was accepted under, and the
 * signed-in operator and workplace. Built on every request (a few milliseconds), so a reprint always
 * shows the current number; nothing is stored.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../core/catalog/catalogSchema';
import type { DocumentSlotsData } from '../../core/catalog/documentSlots';
import type { Receipt, ReceiptError, ReceiptLanguage, ReceiptsApi } from '../../core/contract/receipts';
import { err, ok, type Result } from '../../core/result';
import { findApplication, type StoredApplication } from '../db/applications';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { OperatorSession } from '../services/OperatorSession';
import { buildReceiptPdf, type ReceiptData, type ReceiptFonts } from './buildReceiptPdf';
import { citeRegulation } from './regulationActs';
import type { AuditLog } from '../audit/AuditLog';

export class ReceiptService implements ReceiptsApi {
  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    private readonly catalog: Catalog,
    private readonly slots: DocumentSlotsData,
    private readonly fonts: ReceiptFonts,
    private readonly audit: AuditLog,
  ) {}

  async forApplication(applicationId: string, language: ReceiptLanguage): Promise<Result<Receipt, ReceiptError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const stored = this.db.read((r) => findApplication(r, applicationId));
    if (!stored) return err({ kind: 'not-found' });
    const { operator } = active.value;
    const data = this.receiptData(stored, language, { workplaceName: operator.workplace.name, workplaceKind: operator.workplace.kind, operatorName: operator.fullName });
    if (!data) return err({ kind: 'not-found' });
    const bytes = await buildReceiptPdf(data, this.fonts);
    const number = stored.summary.registrationNumber ?? stored.summary.localNumber;
    // Every receipt produced (first print or reprint) is an audited action.
    await this.audit.record({ operatorId: operator.operatorId, action: 'print', subject: applicationId, detail: { language, numberShown: stored.summary.registrationNumber === null ? 'local' : 'registration' } });
    return ok({
      fileName: `${language === 'kk' ? 'tizilimdeme' : 'raspiska'}-${number.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`,
      pdfBase64: Buffer.from(bytes).toString('base64'),
      numberShown: stored.summary.registrationNumber === null ? 'local' : 'registration',
    });
  }

  /** Null when the application's service is no longer in the catalog (it cannot be described). */
  private receiptData(stored: StoredApplication, language: ReceiptLanguage, who: Pick<ReceiptData, 'workplaceName' | 'workplaceKind' | 'operatorName'>): ReceiptData | null {
    const { summary } = stored;
    const service = this.catalog.services.find((s) => s.id === summary.serviceId);
    if (!service) return null;
    const applicant = summary.applicant;
    return {
      language,
      applicationId: summary.applicationId,
      ...who,
      service: {
        title: service.title[language],
        subtype: summary.subtype,
        provider: service.provider[language],
        regulation: citeRegulation(stored.payload.regulation ?? service.source, language),
        workingDays: service.subtypes.find((s) => s.id === summary.subtype)?.deadlineWorkingDays ?? null,
        acceptanceDayCounts: service.acceptanceDayCounts,
      },
      applicant: {
        kind: applicant.kind,
        identifier: applicant.kind === 'individual' ? applicant.iin : applicant.bin,
        name: applicant.displayName,
      },
      representative: summary.representative
        ? { iin: summary.representative.iin, name: summary.representative.displayName, powerOfAttorney: summary.representative.powerOfAttorney }
        : null,
      documents: stored.payload.documents.map((document) => ({ title: this.documentTitle(document.fileName, language), pageCount: document.pageCount ?? null })),
      acceptedAt: summary.acceptedAt,
      plannedResultDate: summary.plannedResultDate,
      registrationNumber: summary.registrationNumber,
      localNumber: summary.localNumber,
    };
  }

  /** Assembled documents are named after their slot's Kazakh title (`<title>.pdf`); the receipt names the slot in its own language. */
  private documentTitle(fileName: string, language: ReceiptLanguage): string {
    const slot = this.slots.slots.find((s) => `${s.title.kk}.pdf` === fileName);
    return slot ? slot.title[language] : fileName;
  }
}

/** The two DejaVu faces the receipt embeds (resources/fonts). */
export async function loadReceiptFonts(resourcesDir: string): Promise<ReceiptFonts> {
  const read = async (name: string) => new Uint8Array(await readFile(path.join(resourcesDir, 'fonts', name)));
  return { regular: await read('DejaVuSans.ttf'), bold: await read('DejaVuSans-Bold.ttf') };
}
