/**
 * The representative and power-of-attorney rules against the real reference backend (2014
 * regulations, seed 002_9149a4a58fa77cb3.txt, Diagram No. 2 processes 2–3; 2012: seed 000_…,
 * action table of process 3; provider regulations: no representative).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { RepresentativeQuery } from '../../core/contract/registry';
import type { Workstation } from '../../main/app';
import { completeDraft, demoSigning, realPdf, startTestWorkstation, toBase64 } from '../support/workstationHarness';

let workstation: Workstation;
let companySnapshot: string;
let manSnapshot: string;

beforeAll(async () => {
  workstation = await startTestWorkstation();
  const { api } = workstation;
  expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  const company = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  const man = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeMan });
  if (!company.ok || !man.ok) throw new Error('fixtures missing');
  companySnapshot = company.value.snapshotId;
  manSnapshot = man.value.snapshotId;
});
afterAll(() => workstation.close());

const CASINO_2014 = '002-a2-casino-2014';
const notarised = (number: string) => ({ kind: 'notarised' as const, number });
const lookup = (overrides: Partial<RepresentativeQuery>) =>
  workstation.api.registry.lookupRepresentative({
    serviceId: CASINO_2014,
    applicantSnapshotId: companySnapshot,
    iin: FIXTURE_IDS.activeWoman,
    powerOfAttorney: notarised(FIXTURE_IDS.poaCompanyToWoman),
    ...overrides,
  });

describe('lookupRepresentative', () => {
  it('accepts a notarised PoA of the company to this person, and a PoA certified otherwise without any PoA data', async () => {
    expect(await lookup({})).toMatchObject({ ok: true, value: { person: { iin: FIXTURE_IDS.activeWoman }, powerOfAttorney: { number: FIXTURE_IDS.poaCompanyToWoman } } });
    expect(await lookup({ powerOfAttorney: { kind: 'other' } })).toMatchObject({ ok: true, value: { powerOfAttorney: null } });
  });

  it('stops like a missing applicant when the PoA or the person is not in the registry (condition 1)', async () => {
    expect(await lookup({ powerOfAttorney: notarised(FIXTURE_IDS.poaUnknown) })).toEqual({ ok: false, error: { kind: 'power-of-attorney-not-found' } });
    expect(await lookup({ iin: FIXTURE_IDS.unknownValidIin })).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('names what is wrong with a PoA that exists but does not fit', async () => {
    expect(await lookup({ powerOfAttorney: notarised(FIXTURE_IDS.poaRevoked) })).toMatchObject({ ok: false, error: { kind: 'power-of-attorney-invalid', problem: { kind: 'revoked' } } });
    expect(await lookup({ powerOfAttorney: notarised(FIXTURE_IDS.poaExpired) })).toMatchObject({ ok: false, error: { kind: 'power-of-attorney-invalid', problem: { kind: 'expired' } } });
    expect(await lookup({ powerOfAttorney: notarised(FIXTURE_IDS.poaOtherPrincipal) })).toMatchObject({
      ok: false,
      error: { kind: 'power-of-attorney-invalid', problem: { kind: 'other-principal' } },
    });
    expect(await lookup({ powerOfAttorney: notarised(FIXTURE_IDS.poaOtherRepresentative) })).toMatchObject({
      ok: false,
      error: { kind: 'power-of-attorney-invalid', problem: { kind: 'other-representative' } },
    });
  });

  it('refuses a deceased representative, the applicant as their own representative, and a bad check digit', async () => {
    expect(await lookup({ iin: FIXTURE_IDS.deceased, powerOfAttorney: { kind: 'other' } })).toEqual({ ok: false, error: { kind: 'representative-not-eligible' } });
    expect(await lookup({ applicantSnapshotId: manSnapshot, iin: FIXTURE_IDS.activeMan, powerOfAttorney: { kind: 'other' } })).toEqual({
      ok: false,
      error: { kind: 'same-as-applicant' },
    });
    expect(await lookup({ iin: FIXTURE_IDS.invalidChecksumIin })).toEqual({ ok: false, error: { kind: 'invalid-identifier' } });
  });

  it('follows each regulation: no PoA data under 2012, no representative at all for provider services', async () => {
    const { api } = workstation;
    await api.session.logout();
    await api.session.login(DEMO_CREDENTIALS.supervisor);
    await api.settings.setCurrentServiceVersion('casino', '000-a1-casino-2012');
    await api.session.logout();
    await api.session.login(DEMO_CREDENTIALS.operator);
    const company = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
    if (!company.ok) throw new Error('lookup failed');
    const as2012 = { serviceId: '000-a1-casino-2012', applicantSnapshotId: company.value.snapshotId };
    expect(await lookup({ ...as2012 })).toEqual({ ok: false, error: { kind: 'not-allowed-by-regulation' } });
    expect(await lookup({ ...as2012, powerOfAttorney: { kind: 'other' } })).toMatchObject({ ok: true, value: { powerOfAttorney: null } });
    expect(await lookup({ serviceId: '001-security-2012', powerOfAttorney: { kind: 'other' } })).toEqual({ ok: false, error: { kind: 'not-allowed-by-regulation' } });
  });

  it('does not let a representative checked for one applicant be used for another', async () => {
    const { api } = workstation;
    const forMan = await lookup({ applicantSnapshotId: manSnapshot, iin: FIXTURE_IDS.youngMan, powerOfAttorney: { kind: 'other' }, serviceId: '000-a1-casino-2012' });
    if (!forMan.ok) throw new Error(`lookup failed: ${forMan.error.kind}`);
    const company = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
    if (!company.ok) throw new Error('lookup failed');
    // The draft refuses a representative checked for someone else…
    const draftId = await completeDraft(api, { serviceId: '000-a1-casino-2012', subtype: 'issue', applicantSnapshotId: company.value.snapshotId, representativeSnapshotId: null });
    expect(await api.drafts.setParties(draftId, { applicantSnapshotId: company.value.snapshotId, representativeSnapshotId: forMan.value.snapshotId })).toEqual({
      ok: false,
      error: { kind: 'unknown-representative' },
    });
    // A representative checked for this applicant but for another service is refused when the
    // application is accepted: the check was made under that other service's regulation.
    const lotteryDraft = await completeDraft(api, { serviceId: '002-a1-lottery-2014', subtype: 'issue', applicantSnapshotId: manSnapshot, representativeSnapshotId: null });
    expect((await api.drafts.setParties(lotteryDraft, { applicantSnapshotId: manSnapshot, representativeSnapshotId: forMan.value.snapshotId })).ok).toBe(true);
    const withPoaSlot = await api.drafts.get(lotteryDraft);
    if (!withPoaSlot.ok) throw new Error('draft lost');
    for (const slot of withPoaSlot.value.missingRequiredSlots) {
      expect((await api.drafts.importFile(lotteryDraft, slot, { fileName: 'poa.pdf', contentBase64: toBase64(await realPdf('poa')) })).ok).toBe(true);
    }
    expect(await api.submissions.submitDraft(lotteryDraft, demoSigning())).toEqual({ ok: false, error: { kind: 'unknown-representative' } });
  });
});
