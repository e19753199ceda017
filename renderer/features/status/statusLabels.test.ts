import { describe, expect, it } from 'vitest';
import type { ApplicationSummary, StatusTracking } from '../../../core/contract';
import { fakeLicenceDecision, fakeRefusalDecision, FAKE_REFUSAL_REASON } from '../../test-support/fakeStatus';
import { issuedDocumentMessage, refusalReasonText, requestNumberOf, statusLabelOf } from './statusLabels';

const AT = '2025-03-06T12:00:00+05:00';

const base: ApplicationSummary = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  localNumber: 'WS01-000001',
  serviceId: '002-a2-casino-2014',
  subtype: 'issue',
  applicant: { kind: 'individual', iin: '850415312343', displayName: 'Test' },
  representative: null,
  plannedResultDate: '2025-03-25',
  documents: [],
  state: 'registered',
  acceptedAt: AT,
  registrationNumber: 'KZ-LIC-2025-00001',
  registeredAt: AT,
  problemCode: null,
  tracking: null,
  handOver: null,
  purgedAt: null,
};

const tracking = (status: StatusTracking['status'], decision: StatusTracking['decision'] = null): StatusTracking => ({
  status,
  history: [{ status, at: AT }],
  decision,
  resultAvailable: false,
  resultStored: false,
  checkedAt: AT,
  nextCheckAt: null,
});

describe('statusLabelOf', () => {
  it('shows the local queue state until main has heard from the provider', () => {
    expect(statusLabelOf({ ...base, state: 'accepted', registrationNumber: null })).toEqual({ key: 'state.accepted', tone: 'waiting' });
    expect(statusLabelOf({ ...base, state: 'withdrawn' })).toEqual({ key: 'state.withdrawn', tone: 'neutral' });
    expect(statusLabelOf(base)).toEqual({ key: 'state.registered', tone: 'ok' });
  });

  it('shows the provider’s status once known, a refusal ready for hand-over in the refusal colour', () => {
    expect(statusLabelOf({ ...base, tracking: tracking('under-review') })).toEqual({ key: 'status.provider.underReview', tone: 'waiting' });
    expect(statusLabelOf({ ...base, tracking: tracking('ready-for-handover', fakeLicenceDecision(AT)) }).tone).toBe('ok');
    expect(statusLabelOf({ ...base, tracking: tracking('ready-for-handover', fakeRefusalDecision(AT)) })).toEqual({
      key: 'status.provider.readyForHandover',
      tone: 'bad',
    });
  });

  it('says handed over once it was, whatever the provider status', () => {
    const handOver = { handedOverAt: AT, operatorId: 'op', operatorName: 'Op' };
    expect(statusLabelOf({ ...base, tracking: tracking('ready-for-handover'), handOver }).key).toBe('status.handedOver');
  });
});

describe('decision texts', () => {
  it('gives the refusal reason in Kazakh for kk and in Russian otherwise; nothing for a licence', () => {
    expect(refusalReasonText(fakeRefusalDecision(AT), 'kk')).toBe(FAKE_REFUSAL_REASON.kk);
    expect(refusalReasonText(fakeRefusalDecision(AT), 'en')).toBe(FAKE_REFUSAL_REASON.ru);
    expect(refusalReasonText(fakeLicenceDecision(AT), 'ru')).toBeNull();
  });

  it('names a duplicate as such, with its own new number', () => {
    expect(issuedDocumentMessage(fakeLicenceDecision(AT, 'duplicate'))).toEqual({ key: 'status.document.duplicate', params: { number: 'LIC-25-000123' } });
    expect(issuedDocumentMessage(fakeRefusalDecision(AT))).toBeNull();
  });

  it('uses the registration number as the request number, the local one while queued', () => {
    expect(requestNumberOf(base)).toBe('KZ-LIC-2025-00001');
    expect(requestNumberOf({ ...base, registrationNumber: null })).toBe('WS01-000001');
  });
});
