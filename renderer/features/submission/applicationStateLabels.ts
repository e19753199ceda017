import type { ApplicationState } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';

export const APPLICATION_STATE_LABELS: Readonly<Record<ApplicationState, MessageKey>> = {
  accepted: 'state.accepted',
  registered: 'state.registered',
  'needs-attention': 'state.needsAttention',
  withdrawn: 'state.withdrawn',
};
