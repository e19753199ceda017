/**
 * The fake drafts area: real in-memory drafts whose slots come from core's `draftSlotViews` over the
 * shipped slot data, with pages split from imported files by the fake image pipeline. Main's
 * rules are kept: only the owner's open drafts are visible, pages move "before the page now at
 * `position`", a PDF page cannot be rotated, a slot that no longer applies stays while it has pages.
 */
import { draftHasSlot, draftSlotViews } from '../../core/catalog/draftSlots';
import type { DraftNotFound, DraftPageView, DraftsApi, DraftView, NotSignedIn } from '../../core/contract';
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import { MAX_ATTACHMENT_BYTES } from '../../core/contract/limits';
import { err, ok, type Result } from '../../core/result';
import { FAKE_DOCUMENT_SLOTS } from './fakeDocumentSlots';
import { base64ToBytes, fakeThumbnailDataUrl, openFakeFile, type FakeFilePage } from './fakeImages';
import { displayNameOf, NOT_SIGNED_IN, type FakeMain } from './fakeMain';

export interface FakePage {
  readonly pageId: string;
  slotId: string;
  readonly kind: FakeFilePage['kind'];
  widthPx: number | null;
  heightPx: number | null;
  readonly blank: boolean;
  readonly source: 'scanner' | 'import';
  rotation: number;
  /** Test hook: its stored image can no longer be read back. */
  unreadable: boolean;
}

export interface FakeDraft {
  readonly draftId: string;
  readonly operatorId: string;
  readonly serviceId: string;
  readonly subtype: ApplicationSubtype;
  applicantSnapshotId: string | null;
  representativeSnapshotId: string | null;
  readonly createdAt: string;
  updatedAt: string;
  readonly presented: Record<string, boolean>;
  pages: FakePage[];
  state: 'open' | 'submitted' | 'discarded';
}

export interface FakeDraftStore {
  /** Every draft ever started, in any state: what main has on disk. */
  readonly all: readonly FakeDraft[];
  /** The draft if it is open and belongs to the signed-in operator. */
  ownOpen(draftId: string): Result<FakeDraft, NotSignedIn | DraftNotFound>;
  viewOf(draft: FakeDraft): DraftView;
  slotExists(draft: FakeDraft, slotId: string): boolean;
  addPage(draft: FakeDraft, slotId: string, page: FakeFilePage, source: FakePage['source']): FakePage;
  close(draft: FakeDraft, state: 'submitted' | 'discarded'): void;
  /** Test hook: the page's stored image becomes unreadable, so submitDraft refuses with unreadable-page. */
  damagePage(pageId: string): void;
}

const DRAFT_NOT_FOUND = { kind: 'draft-not-found' } as const;

function pageView(page: FakePage, position: number): DraftPageView {
  return { pageId: page.pageId, position, kind: page.kind, widthPx: page.widthPx, heightPx: page.heightPx, blank: page.blank, source: page.source };
}

export function createFakeDrafts(main: FakeMain): { readonly api: DraftsApi; readonly store: FakeDraftStore } {
  const drafts: FakeDraft[] = [];

  const factsOf = (draft: FakeDraft) => ({ subtype: draft.subtype, represented: draft.representativeSnapshotId !== null, presented: draft.presented, pages: draft.pages });

  const store: FakeDraftStore = {
    all: drafts,
    ownOpen(draftId) {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const draft = drafts.find((candidate) => candidate.draftId === draftId);
      return draft && draft.state === 'open' && draft.operatorId === operator.operatorId ? ok(draft) : err(DRAFT_NOT_FOUND);
    },
    viewOf(draft) {
      const { slots, missingRequiredSlots } = draftSlotViews(FAKE_DOCUMENT_SLOTS, factsOf(draft), pageView);
      const snapshot = draft.applicantSnapshotId === null ? undefined : main.snapshots.get(draft.applicantSnapshotId);
      return {
        draftId: draft.draftId,
        serviceId: draft.serviceId,
        subtype: draft.subtype,
        applicantSnapshotId: draft.applicantSnapshotId,
        representativeSnapshotId: draft.representativeSnapshotId,
        applicantDisplayName: snapshot ? displayNameOf(snapshot) : null,
        createdAt: draft.createdAt,
        updatedAt: draft.updatedAt,
        slots,
        missingRequiredSlots,
      };
    },
    slotExists(draft, slotId) {
      return draftHasSlot(FAKE_DOCUMENT_SLOTS, factsOf(draft), slotId);
    },
    addPage(draft, slotId, page, source) {
      const added: FakePage = { ...page, pageId: main.nextId(), slotId, source, rotation: 0, unreadable: false };
      draft.pages.push(added);
      draft.updatedAt = main.now();
      return added;
    },
    close(draft, state) {
      draft.state = state;
      draft.updatedAt = main.now();
    },
    damagePage(pageId) {
      for (const draft of drafts) for (const page of draft.pages) if (page.pageId === pageId) page.unreadable = true;
    },
  };

  /** Runs a change on an open draft of the operator and answers with the draft as it now is. */
  function change<E>(draftId: string, apply: (draft: FakeDraft) => E | null): Result<DraftView, NotSignedIn | DraftNotFound | E> {
    const draft = store.ownOpen(draftId);
    if (!draft.ok) return draft;
    const refused = apply(draft.value);
    if (refused !== null) return err(refused);
    draft.value.updatedAt = main.now();
    return ok(store.viewOf(draft.value));
  }

  const findPage = (draft: FakeDraft, pageId: string) => draft.pages.find((page) => page.pageId === pageId);

  const api: DraftsApi = {
    async start({ serviceId, subtype }) {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      if (!main.findOffered(serviceId)) return err({ kind: 'unknown-service' });
      const now = main.now();
      const draft: FakeDraft = {
        draftId: main.nextId(),
        operatorId: operator.operatorId,
        serviceId,
        subtype,
        applicantSnapshotId: null,
        representativeSnapshotId: null,
        createdAt: now,
        updatedAt: now,
        presented: {},
        pages: [],
        state: 'open',
      };
      drafts.push(draft);
      return ok(store.viewOf(draft));
    },
    async get(draftId) {
      const draft = store.ownOpen(draftId);
      return draft.ok ? ok(store.viewOf(draft.value)) : draft;
    },
    async listOpen() {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const open = drafts.filter((draft) => draft.state === 'open' && draft.operatorId === operator.operatorId);
      return ok(open.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(store.viewOf));
    },
    async setParties(draftId, { applicantSnapshotId, representativeSnapshotId }) {
      return change(draftId, (draft) => {
        if (applicantSnapshotId !== null && !main.snapshots.has(applicantSnapshotId)) return { kind: 'unknown-applicant' as const };
        if (representativeSnapshotId !== null) {
          const representative = main.representatives.get(representativeSnapshotId);
          if (!representative || representative.query.applicantSnapshotId !== applicantSnapshotId) return { kind: 'unknown-representative' as const };
        }
        draft.applicantSnapshotId = applicantSnapshotId;
        draft.representativeSnapshotId = representativeSnapshotId;
        return null;
      });
    },
    async setPresentedOnPaper(draftId, slotId, presented) {
      return change(draftId, (draft) => {
        if (!store.slotExists(draft, slotId)) return { kind: 'unknown-slot' as const };
        draft.presented[slotId] = presented;
        return null;
      });
    },
    async importFile(draftId, slotId, { contentBase64 }) {
      const draft = store.ownOpen(draftId);
      if (!draft.ok) return draft;
      if (!store.slotExists(draft.value, slotId)) return err({ kind: 'unknown-slot' });
      const bytes = base64ToBytes(contentBase64);
      if (bytes.length === 0) return err({ kind: 'empty-file' });
      if (bytes.length > MAX_ATTACHMENT_BYTES) return err({ kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES });
      const pages = openFakeFile(bytes);
      if (!pages.ok) return err(pages.error);
      for (const page of pages.value) store.addPage(draft.value, slotId, page, 'import');
      return ok(store.viewOf(draft.value));
    },
    async importProgress() {
      // The fake imports at once: by the time anyone asks, the import is over and forgotten.
      return main.operator() ? err({ kind: 'import-not-found' }) : err(NOT_SIGNED_IN);
    },
    async cancelImport() {
      return main.operator() ? err({ kind: 'import-not-found' }) : err(NOT_SIGNED_IN);
    },
    async movePage(draftId, pageId, slotId, position) {
      return change(draftId, (draft) => {
        if (!store.slotExists(draft, slotId)) return { kind: 'unknown-slot' as const };
        const page = findPage(draft, pageId);
        if (!page) return { kind: 'page-not-found' as const };
        const target = draft.pages.filter((candidate) => candidate.slotId === slotId && candidate !== page);
        target.splice(Math.max(0, Math.min(position, target.length)), 0, page);
        page.slotId = slotId;
        draft.pages = [...draft.pages.filter((candidate) => candidate.slotId !== slotId), ...target];
        return null;
      });
    },
    async rotatePage(draftId, pageId, degrees) {
      return change(draftId, (draft) => {
        const page = findPage(draft, pageId);
        if (!page) return { kind: 'page-not-found' as const };
        if (page.kind !== 'image') return { kind: 'not-rotatable' as const };
        page.rotation = (page.rotation + degrees) % 360;
        if (degrees !== 180) [page.widthPx, page.heightPx] = [page.heightPx, page.widthPx];
        return null;
      });
    },
    async deletePage(draftId, pageId) {
      return change(draftId, (draft) => {
        if (!findPage(draft, pageId)) return { kind: 'page-not-found' as const };
        draft.pages = draft.pages.filter((page) => page.pageId !== pageId);
        return null;
      });
    },
    async pageThumbnail(draftId, pageId) {
      const draft = store.ownOpen(draftId);
      if (!draft.ok) return draft;
      const page = findPage(draft.value, pageId);
      // Like main: a PDF page has no thumbnail of its own.
      if (!page || page.kind !== 'image') return err({ kind: 'page-not-found' });
      return ok(fakeThumbnailDataUrl(pageId, page.rotation));
    },
    async discard(draftId) {
      const draft = store.ownOpen(draftId);
      if (!draft.ok) return draft;
      store.close(draft.value, 'discarded');
      return ok(null);
    },
  };

  return { api, store };
}
