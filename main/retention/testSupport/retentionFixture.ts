// A workstation's data as the counter leaves it, for retention tests: a real sql.js database on disk
// (snapshot + journal files), a real encrypted blob store beside it, the real audit log and a
// settable clock. Every row is written through the repositories the services use.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApplicationStatusView, PersonRecord } from '../../../core/backendApi/wire';
import { AuditLog } from '../../audit/AuditLog';
import { EncryptedBlobStore } from '../../blobs/EncryptedBlobStore';
import { insertApplicationWithOutbox, markRegistered, markWithdrawn } from '../../db/applications';
import { appendPage, closeDraft, insertDraft, setDraftApplicant } from '../../db/drafts';
import { MIGRATIONS } from '../../db/migrations';
import { insertRegistrySnapshot } from '../../db/registrySnapshots';
import { insertRepresentativeSnapshot } from '../../db/representativeSnapshots';
import { databaseFiles, SqlJsDatabase } from '../../db/SqlJsDatabase';
import { unsignedPayload } from '../../db/testSupport/unsignedPayload';
import { recordHandOver, recordStatusAnswer, recordStoredResult } from '../../status/statusRecords';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

export const NOW = new Date('2026-12-24T06:00:00.000Z');
const DAY_MS = 86_400_000;
export const daysAgo = (days: number): string => new Date(NOW.getTime() - days * DAY_MS).toISOString();

/** What the applicant left here: the strings that must disappear, and the blobs that hold their scans. */
export interface SeededApplication {
  readonly id: string;
  readonly localNumber: string;
  readonly registrationNumber: string | null;
  /** Applicant's IIN, name and address, and the representative's IIN, name and PoA number where there is one. */
  readonly personal: readonly string[];
  /** Blobs only this application uses. */
  readonly ownBlobs: readonly string[];
}

export type ApplicationFate =
  | { readonly kind: 'handed-over'; readonly daysAgo: number }
  | { readonly kind: 'withdrawn'; readonly daysAgo: number }
  /** Accepted and still in the queue (never sent). */
  | { readonly kind: 'waiting' }
  /** Refused by the provider, result stored here, never collected. */
  | { readonly kind: 'refused-uncollected' };

let serial = 0;

function person(iin: string, lastName: string): PersonRecord {
  return { kind: 'individual', iin, lastName, firstName: 'Әйгерім', middleName: null, birthDate: '1987-04-12', status: 'active', address: `Астана, ${lastName} көшесі 5`, entrepreneur: null };
}

export async function retentionFixture() {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-retention-'));
  const file = path.join(dir, 'workstation.sqlite');
  const db = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
  const blobRoot = path.join(dir, 'blobs');
  const blobs = new EncryptedBlobStore(blobRoot, randomBytes(32));
  const clock = { at: NOW, now(): Date { return this.at; } };
  const audit = new AuditLog(db, clock);
  let n = 0;

  /** A registry lookup, a draft with scanned pages (one may be shared), submitted as an application whose fate is `fate`. */
  async function addApplication(fate: ApplicationFate, options: { representative?: boolean; sharedPage?: Uint8Array } = {}): Promise<SeededApplication> {
    const k = ++n;
    const tag = `${++serial}`.padStart(3, '0');
    const id = `00000000-0000-4000-8000-000000000${tag}`;
    const iin = `870412300${tag}`;
    const lastName = `ПУРГЕТЕСТОВА${tag}`;
    const repIin = `900505400${tag}`;
    const repName = `ӨКІЛОВ${tag}`;
    const poaNumber = `ПОА-${tag}`;
    const acceptedAt = fate.kind === 'waiting' || fate.kind === 'refused-uncollected' ? daysAgo(200) : daysAgo(fate.daysAgo + 20);
    const registered = fate.kind === 'handed-over' || fate.kind === 'refused-uncollected';
    const registrationNumber = registered ? `KZ26LAA9${tag}00${k}` : null;

    const page = await blobs.put(randomBytes(2_000));
    const thumbnail = await blobs.put(randomBytes(300));
    const shared = options.sharedPage ? await blobs.put(options.sharedPage) : null;
    const pdf = await blobs.put(randomBytes(3_000));
    const signature = await blobs.put(randomBytes(1_500));
    const result = registered ? randomBytes(2_500) : null;
    const resultSha = result ? await blobs.put(result) : null;

    const payload = {
      ...unsignedPayload(k, { kind: 'individual', iin }, acceptedAt, 'WS1'),
      localNumber: `WS1-20261101-${tag}`,
      documents: [{ sha256: pdf, fileName: 'Өтініш.pdf', mediaType: 'application/pdf' as const, sizeBytes: 3_000, pageCount: shared ? 2 : 1 }],
      representative: options.representative
        ? { iin: repIin, registryAnswerId: `rep-answer-${tag}`, powerOfAttorney: { kind: 'notarised' as const, number: poaNumber, notaryAnswerId: `poa-answer-${tag}` } }
        : null,
    };
    await db.write((w) => {
      insertRegistrySnapshot(w, { id: `snap-${tag}`, operatorId: 'op-1', answer: { answerId: `answer-${tag}`, answeredAt: acceptedAt, record: person(iin, lastName) }, createdAt: acceptedAt });
      if (options.representative) {
        insertRepresentativeSnapshot(w, {
          id: `rep-${tag}`, operatorId: 'op-1', applicantSnapshotId: `snap-${tag}`, serviceId: payload.serviceId, personAnswerId: `rep-answer-${tag}`,
          person: person(repIin, repName),
          powerOfAttorney: {
            answerId: `poa-answer-${tag}`,
            record: {
              number: poaNumber, notary: 'Нотариус', issuedOn: '2026-01-01', validUntil: '2027-12-31', status: 'active',
              principal: { kind: 'individual', iin, fullName: lastName }, representative: { iin: repIin, fullName: repName },
            },
          },
          createdAt: acceptedAt,
        });
      }
      insertDraft(w, { id: `draft-${tag}`, operatorId: 'op-1', serviceId: payload.serviceId, subtype: 'issue', now: acceptedAt });
      setDraftApplicant(w, `draft-${tag}`, `snap-${tag}`, options.representative ? `rep-${tag}` : null, acceptedAt);
      const pageRow = (pageId: string, sha256: string, thumbnailSha256: string | null) => ({
        id: pageId, slotId: 'application', kind: 'image' as const, mediaType: 'image/jpeg', sha256, thumbnailSha256, widthPx: 100, heightPx: 140, dpi: 200,
        blank: false, source: 'scanner' as const, createdAt: acceptedAt,
      });
      appendPage(w, `draft-${tag}`, pageRow(`page-${tag}-1`, page, thumbnail));
      if (shared) appendPage(w, `draft-${tag}`, pageRow(`page-${tag}-2`, shared, null));
      insertApplicationWithOutbox(w, {
        id, operatorId: 'op-1', snapshotId: `snap-${tag}`, applicantDisplayName: `${lastName} Әйгерім`, representativeDisplayName: options.representative ? repName : null,
        plannedResultDate: '2026-11-20', idempotencyKey: `key-${tag}`, signatureBlob: signature, payload,
      });
      closeDraft(w, `draft-${tag}`, 'submitted', id, acceptedAt);
      if (registered && registrationNumber && resultSha && result) {
        markRegistered(w, id, { applicationId: `backend-${tag}`, registrationNumber, registeredAt: acceptedAt, status: 'registered' });
        const refused = fate.kind === 'refused-uncollected';
        const view: ApplicationStatusView = {
          applicationId: `backend-${tag}`, registrationNumber, registeredAt: acceptedAt, status: 'ready-for-handover',
          history: [{ status: 'registered', at: acceptedAt }, { status: refused ? 'refused' : 'issued', at: acceptedAt }, { status: 'ready-for-handover', at: acceptedAt }],
          decision: refused
            ? { outcome: 'refused', reason: { kk: `${lastName} құжаттары толық емес`, ru: `У ${lastName} неполный пакет` }, decidedAt: acceptedAt }
            : { outcome: 'issued', document: 'licence', licenceNumber: `26000${tag}`, decidedAt: acceptedAt },
          result: { sha256: resultSha, sizeBytes: result.byteLength, fileName: `licence-${registrationNumber}.pdf` },
        };
        recordStatusAnswer(w, id, view, { checkedAt: acceptedAt, checkAttempts: 0, nextCheckAt: null });
        recordStoredResult(w, id, { blobSha256: resultSha, sizeBytes: result.byteLength, fileName: `licence-${registrationNumber}.pdf`, storedAt: acceptedAt });
        if (fate.kind === 'handed-over') recordHandOver(w, id, { handedOverAt: daysAgo(fate.daysAgo), operatorId: 'op-1', operatorName: 'ҚАСЫМОВА Әйгерім' });
      }
      if (fate.kind === 'withdrawn') markWithdrawn(w, id, daysAgo(fate.daysAgo));
    });
    const personal = [iin, lastName, ...(options.representative ? [repIin, repName, poaNumber] : [])];
    return { id, localNumber: payload.localNumber, registrationNumber, personal, ownBlobs: [page, thumbnail, pdf, signature, ...(resultSha ? [resultSha] : [])] };
  }

  /** A draft never submitted, last changed `updatedDaysAgo` days ago, with a lookup and a scanned page. */
  async function addDraft(state: 'open' | 'discarded', updatedDaysAgo: number): Promise<{ readonly id: string; readonly personal: readonly string[]; readonly blobs: readonly string[] }> {
    const tag = `${++serial}`.padStart(3, '0');
    const at = daysAgo(updatedDaysAgo);
    const iin = `770303300${tag}`;
    const lastName = `ЧЕРНОВИКОВ${tag}`;
    const page = await blobs.put(randomBytes(1_800));
    const thumbnail = await blobs.put(randomBytes(200));
    await db.write((w) => {
      insertRegistrySnapshot(w, { id: `snap-${tag}`, operatorId: 'op-1', answer: { answerId: `answer-${tag}`, answeredAt: at, record: person(iin, lastName) }, createdAt: at });
      insertDraft(w, { id: `draft-${tag}`, operatorId: 'op-1', serviceId: '002-a2-casino-2014', subtype: 'issue', now: at });
      setDraftApplicant(w, `draft-${tag}`, `snap-${tag}`, null, at);
      appendPage(w, `draft-${tag}`, {
        id: `page-${tag}`, slotId: 'application', kind: 'image', mediaType: 'image/jpeg', sha256: page, thumbnailSha256: thumbnail, widthPx: 100, heightPx: 140,
        dpi: 200, blank: false, source: 'import', createdAt: at,
      });
      if (state === 'discarded') closeDraft(w, `draft-${tag}`, 'discarded', null, at);
    });
    return { id: `draft-${tag}`, personal: [iin, lastName], blobs: [page, thumbnail] };
  }

  /** Everything of the database on disk: the snapshot and both journal files, concatenated. */
  async function databaseBytes(): Promise<Buffer> {
    return Buffer.concat(await Promise.all(databaseFiles(file).map((f) => readFile(f).catch(() => Buffer.alloc(0)))));
  }

  return { dir, file, db, blobs, blobRoot, clock, audit, addApplication, addDraft, databaseBytes };
}
