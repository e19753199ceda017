import { assertNever } from '../../../core/result';
import type { Message } from '../../i18n/messageCatalog';
import { PROVIDER_STATUS_LABELS } from '../status/statusLabels';
import type { HandOverBlocker } from './handoverSelectors';

/** Why the hand-over button is disabled, in the operator's words; `t` names the status, `formatTime` the earlier hand-over. */
export function handOverBlockerMessage(blocker: HandOverBlocker, t: (key: Message['key']) => string, formatTime: (iso: string) => string): Message {
  switch (blocker.kind) {
    case 'not-registered':
      return { key: 'handover.why.notRegistered' };
    case 'no-status':
      return { key: 'handover.why.noStatus' };
    case 'not-ready':
      return { key: 'handover.why.notReady', params: { status: t(PROVIDER_STATUS_LABELS[blocker.status]) } };
    case 'view-result-first':
      return { key: 'handover.why.viewFirst' };
    case 'already-handed-over':
      return { key: 'handover.why.alreadyHandedOver', params: { time: formatTime(blocker.handedOverAt) } };
    default:
      return assertNever(blocker);
  }
}
