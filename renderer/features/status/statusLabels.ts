/**
 * What the status column says about an application (regulations.md §4 «сауалдың мәртебесі»):
 * handed over once it was; else the provider's status as main last heard it; else the local queue
 * state (accepted, needs attention, withdrawn, or registered but not yet asked).
 */
import type { ApplicationSummary, Language, ProviderDecision, ProviderStatus } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import type { Message, MessageKey } from '../../i18n/messageCatalog';
import { APPLICATION_STATE_LABELS } from '../submission/applicationStateLabels';

export const PROVIDER_STATUS_LABELS: Readonly<Record<ProviderStatus, MessageKey>> = {
  registered: 'status.provider.registered',
  'under-review': 'status.provider.underReview',
  issued: 'status.provider.issued',
  refused: 'status.provider.refused',
  'ready-for-handover': 'status.provider.readyForHandover',
};

/** The badge modifier: reuses the queue's colours (ok, bad, waiting, neutral). */
export type StatusTone = 'ok' | 'bad' | 'waiting' | 'neutral';

export interface StatusLabel {
  readonly key: MessageKey;
  readonly tone: StatusTone;
}

function providerTone(status: ProviderStatus, decision: ProviderDecision | null): StatusTone {
  switch (status) {
    case 'registered':
    case 'under-review':
      return 'waiting';
    case 'issued':
      return 'ok';
    case 'refused':
      return 'bad';
    case 'ready-for-handover':
      return decision?.outcome === 'refused' ? 'bad' : 'ok';
    default:
      return assertNever(status);
  }
}

export function statusLabelOf(application: ApplicationSummary): StatusLabel {
  if (application.handOver !== null) return { key: 'status.handedOver', tone: 'neutral' };
  const tracking = application.tracking;
  if (tracking !== null) return { key: PROVIDER_STATUS_LABELS[tracking.status], tone: providerTone(tracking.status, tracking.decision) };
  const tone: StatusTone = application.state === 'registered' ? 'ok' : application.state === 'needs-attention' ? 'bad' : application.state === 'accepted' ? 'waiting' : 'neutral';
  return { key: APPLICATION_STATE_LABELS[application.state], tone };
}

/** The provider words refusals in Kazakh and Russian; an operator working in English reads the Russian. */
export function refusalReasonText(decision: ProviderDecision | null, language: Language): string | null {
  if (decision?.outcome !== 'refused') return null;
  return language === 'kk' ? decision.reason.kk : decision.reason.ru;
}

/** "Licence No. …", "Re-issued licence No. …", "Duplicate licence No. …" for an issued decision. */
export function issuedDocumentMessage(decision: ProviderDecision | null): Message | null {
  if (decision?.outcome !== 'issued') return null;
  const params = { number: decision.licenceNumber };
  switch (decision.document) {
    case 'licence':
      return { key: 'status.document.licence', params };
    case 'reissued-licence':
      return { key: 'status.document.reissuedLicence', params };
    case 'duplicate':
      return { key: 'status.document.duplicate', params };
    default:
      return assertNever(decision.document);
  }
}

/** The number the applicant knows the application by: the registration number, or the local one while queued. */
export function requestNumberOf(application: ApplicationSummary): string {
  return application.registrationNumber ?? application.localNumber;
}
