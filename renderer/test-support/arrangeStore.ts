/**
 * Brings a store built on the fake api to a given point of the flow through its own actions, so a
 * test exercises one screen without clicking through the ones before it.
 */
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import type { OperatorProfile } from '../../core/contract';
import type { FileSource } from '../features/documents/documentsSlice';
import type { KeyFileSource } from '../features/signing/keyFile';
import { createWorkstationStore } from '../store/createWorkstationStore';
import type { WorkstationStore } from '../store/storeTypes';
import { CASINO_2014, OPERATOR_PASSWORD, PSC_OPERATOR } from './fakeFixtures';
import { bytesToBase64, fakePdf } from './fakeImages';
import { FAKE_KEY_FILE_NAMES, fakeKeyFileBase64, fakeKeyFileBytes, type FakeKeyName } from './fakeSigningKeys';
import { createFakeWorkstation, type FakeWorkstation, type FakeWorkstationOptions } from './fakeWorkstationApi';

export interface ArrangedStore {
  readonly fake: FakeWorkstation;
  readonly store: WorkstationStore;
}

/** Scan jobs are polled every few milliseconds instead of every 300, so a batch takes a moment. */
export const TEST_SLEEP = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2));

export function createTestStore(options?: FakeWorkstationOptions, fake: FakeWorkstation = createFakeWorkstation(options)): ArrangedStore {
  return { fake, store: createWorkstationStore(fake.api, { sleep: TEST_SLEEP }) };
}

export async function createSignedInStore(
  options?: FakeWorkstationOptions & { readonly operator?: OperatorProfile },
  fake?: FakeWorkstation,
): Promise<ArrangedStore> {
  const arranged = createTestStore(options, fake);
  await arranged.store.getState().startWorkstation();
  const result = await arranged.store.getState().login({ login: (options?.operator ?? PSC_OPERATOR).login, password: OPERATOR_PASSWORD });
  if (!result.ok) throw new Error(`fake login failed: ${result.error.kind}`);
  return arranged;
}

/** Picks the service and subtype and presses Next: main opens the draft, the wizard is on step 2. */
export async function chooseService(store: WorkstationStore, serviceId = CASINO_2014.id, subtype: ApplicationSubtype = 'issue'): Promise<void> {
  store.getState().selectService(serviceId);
  store.getState().selectSubtype(subtype);
  await store.getState().advance();
  if (store.getState().step !== 'applicant') throw new Error(`service ${serviceId} is not offered to this operator`);
}

export async function findApplicant(store: WorkstationStore, identifier: string, kind?: 'individual' | 'legal-entity'): Promise<void> {
  if (kind) store.getState().chooseApplicantKind(kind);
  store.getState().editIdentifier(identifier);
  await store.getState().lookupApplicant();
}

/** Ticks "represented", types the representative's IIN (and the PoA number, if given) and checks them. */
export async function findRepresentative(store: WorkstationStore, iin: string, poa: { readonly number: string } | 'other' = 'other'): Promise<void> {
  store.getState().setRepresented(true);
  store.getState().editRepresentativeIin(iin);
  store.getState().choosePoaKind(poa === 'other' ? 'other' : 'notarised');
  if (poa !== 'other') store.getState().editPoaNumber(poa.number);
  await store.getState().lookupRepresentative();
}

/** Step 2's Next: the applicant (and representative) recorded in the draft, the wizard on the documents. */
export async function confirmApplicant(store: WorkstationStore): Promise<void> {
  await store.getState().confirmApplicant();
  if (store.getState().step !== 'documents') throw new Error('applicant step not complete');
}

/** A file whose bytes main's import reads as a PDF of `pageCount` pages. */
export function pdfFileSource(name = 'passport-scan.pdf', pageCount = 1): FileSource {
  const body = fakePdf(pageCount, name);
  return { name, sizeBytes: body.length, readBase64: async () => btoa(body) };
}

export function bytesFileSource(name: string, bytes: Uint8Array): FileSource {
  return { name, sizeBytes: bytes.length, readBase64: async () => bytesToBase64(bytes) };
}

/** Imports a one-page PDF into each required slot still without pages, as `<slot>.pdf`. */
export async function fillRequiredSlots(store: WorkstationStore): Promise<void> {
  for (const slotId of store.getState().draft?.missingRequiredSlots ?? []) {
    store.getState().chooseSlot(slotId);
    await store.getState().importFiles([pdfFileSource(`${slotId}.pdf`)]);
  }
}

/** A fake key file (fakeSigningKeys.ts) as the picker hands it over; `path` as the Electron host would give it. */
export function keyFileSource(name: FakeKeyName = 'valid', path: string | null = null): KeyFileSource {
  return { name: FAKE_KEY_FILE_NAMES[name], sizeBytes: fakeKeyFileBytes(name).length, path, readBase64: async () => fakeKeyFileBase64(name) };
}

/** The operator picks one of the fake key files on the review step; the password is typed at submit. */
export async function pickKey(store: WorkstationStore, name: FakeKeyName = 'valid', path: string | null = null): Promise<void> {
  const refused = await store.getState().pickKeyFile(keyFileSource(name, path));
  if (refused) throw new Error(`fake key ${name} refused: ${refused.kind}`);
}

/**
 * Signed in, service and applicant done, every required document imported, on the review step,
 * with the operator's valid key file picked: submitApplication(FAKE_KEY_PASSWORD) signs and sends.
 */
export async function arrangeReadyToSubmit(options?: FakeWorkstationOptions, identifier = '850415312343'): Promise<ArrangedStore> {
  const arranged = await createSignedInStore(options);
  const { store } = arranged;
  await chooseService(store);
  await findApplicant(store, identifier);
  await confirmApplicant(store);
  await fillRequiredSlots(store);
  if (!store.getState().goToStep('review')) throw new Error('documents are not complete');
  await pickKey(store);
  return arranged;
}
