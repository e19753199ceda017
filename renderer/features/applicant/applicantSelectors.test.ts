import { describe, expect, it } from 'vitest';
import { chooseService, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, ACTIVE_PERSON, BOOKMAKER_2012, DECEASED_PERSON, LIQUIDATED_COMPANY } from '../../test-support/fakeFixtures';
import {
  applicantDisplayName,
  describeIdentifierInput,
  findApplicantBlocker,
  selectApplicantKind,
  selectIsApplicantAccepted,
} from './applicantSelectors';

describe('describeIdentifierInput', () => {
  it.each(['850415312343', '150840123461', ' 850415312343 '])('accepts the valid vector %j', (input) => {
    expect(describeIdentifierInput(input, false)).toEqual({ kind: 'valid' });
  });

  it('reports a wrong check digit as soon as 12 digits are typed', () => {
    expect(describeIdentifierInput('850415312344', false)).toEqual({ kind: 'checksum-mismatch' });
  });

  it('reports letters and symbols at once', () => {
    expect(describeIdentifierInput('85041531234A', false)).toEqual({ kind: 'not-digits' });
    expect(describeIdentifierInput('8504-1531', false)).toEqual({ kind: 'not-digits' });
  });

  it('only counts a short number while typing, and reports it once a lookup was attempted', () => {
    expect(describeIdentifierInput('85041', false)).toEqual({ kind: 'typing', length: 5 });
    expect(describeIdentifierInput('85041', true)).toEqual({ kind: 'wrong-length', length: 5 });
    expect(describeIdentifierInput('8504153123431', false)).toEqual({ kind: 'wrong-length', length: 13 });
    expect(describeIdentifierInput('', false)).toEqual({ kind: 'empty' });
    expect(describeIdentifierInput('', true)).toEqual({ kind: 'wrong-length', length: 0 });
  });
});

describe('findApplicantBlocker', () => {
  const both = ['individual', 'legal-entity'] as const;
  it('lets an active person or company apply', () => {
    expect(findApplicantBlocker(ACTIVE_PERSON, both)).toBeNull();
    expect(findApplicantBlocker(ACTIVE_COMPANY, both)).toBeNull();
  });

  it('stops a deceased person, a non-active company, and a kind the service does not allow', () => {
    expect(findApplicantBlocker(DECEASED_PERSON, both)).toBe('deceased');
    expect(findApplicantBlocker(LIQUIDATED_COMPANY, both)).toBe('entity-not-active');
    expect(findApplicantBlocker({ ...LIQUIDATED_COMPANY, status: 'suspended' }, both)).toBe('entity-not-active');
    expect(findApplicantBlocker(ACTIVE_PERSON, ['legal-entity'])).toBe('kind-not-allowed');
  });
});

describe('applicant state selectors', () => {
  it('uses the first kind the service allows until the operator chooses', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store, BOOKMAKER_2012.id);
    expect(selectApplicantKind(store.getState())).toBe('legal-entity');
    store.getState().chooseApplicantKind('individual');
    expect(selectApplicantKind(store.getState())).toBe('legal-entity');
  });

  it('accepts an applicant only while the card matches the typed number', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    expect(selectIsApplicantAccepted(store.getState())).toBe(true);
    store.getState().editIdentifier('85041531234');
    expect(selectIsApplicantAccepted(store.getState())).toBe(false);
    expect(store.getState().lookup).toEqual({ kind: 'idle' });
  });

  it('builds the display name from the registry record', () => {
    expect(applicantDisplayName(ACTIVE_PERSON)).toBe('Жұмабеков Ерғали Өмірұлы');
    expect(applicantDisplayName(DECEASED_PERSON)).toBe('Әлиева Гүлнұр');
    expect(applicantDisplayName(ACTIVE_COMPANY)).toBe('«Көкшетау Лото» ЖШС');
  });
});
