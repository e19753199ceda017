/**
 * Brings a store built on the fake api to a given point of the flow through its own actions, so a
 * test exercises one screen without clicking through the ones before it.
 */
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import type { OperatorProfile } from '../../core/contract';
import { createWorkstationStore } from '../store/createWorkstationStore';
import type { WorkstationStore } from '../store/storeTypes';
import { CASINO_2014, OPERATOR_PASSWORD, PSC_OPERATOR } from './fakeFixtures';
import { createFakeWorkstation, type FakeWorkstation, type FakeWorkstationOptions } from './fakeWorkstationApi';

export interface ArrangedStore {
  readonly fake: FakeWorkstation;
  readonly store: WorkstationStore;
}

export function createTestStore(options?: FakeWorkstationOptions): ArrangedStore {
  const fake = createFakeWorkstation(options);
  return { fake, store: createWorkstationStore(fake.api) };
}

export async function createSignedInStore(options?: FakeWorkstationOptions & { readonly operator?: OperatorProfile }): Promise<ArrangedStore> {
  const arranged = createTestStore(options);
  await arranged.store.getState().startWorkstation();
  const result = await arranged.store.getState().login({ login: (options?.operator ?? PSC_OPERATOR).login, password: OPERATOR_PASSWORD });
  if (!result.ok) throw new Error(`fake login failed: ${result.error.kind}`);
  return arranged;
}

export function chooseService(store: WorkstationStore, serviceId = CASINO_2014.id, subtype: ApplicationSubtype = 'issue'): void {
  store.getState().selectService(serviceId);
  store.getState().selectSubtype(subtype);
  if (!store.getState().goToStep('applicant')) throw new Error(`service ${serviceId} is not offered to this operator`);
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

/** A minimal file whose first bytes say PDF, as main's type check reads them. */
export function pdfFileSource(name = 'passport-scan.pdf', body = '%PDF-1.7\n% synthetic test page\n') {
  return { name, sizeBytes: body.length, readBase64: async () => btoa(body) };
}

/** Signed in, service and applicant done, one document attached, on the review step. */
export async function arrangeReadyToSubmit(options?: FakeWorkstationOptions, identifier = '850415312343'): Promise<ArrangedStore> {
  const arranged = await createSignedInStore(options);
  const { store } = arranged;
  chooseService(store);
  await findApplicant(store, identifier);
  if (!store.getState().goToStep('documents')) throw new Error('applicant was not accepted');
  await store.getState().attachDocument(pdfFileSource());
  if (!store.getState().goToStep('review')) throw new Error('document was not attached');
  return arranged;
}
