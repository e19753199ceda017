import type { WorkstationState } from '../../store/storeTypes';
import { selectSelectedService } from '../catalog/catalogSelectors';
import type { DeadlineKey, DeadlinePreviewLoad } from './deadlinePreviewSlice';

const IDLE: DeadlinePreviewLoad = { kind: 'idle' };

export function selectDeadlineKey(state: WorkstationState): DeadlineKey | null {
  const service = selectSelectedService(state);
  return service && state.selectedSubtype ? { serviceId: service.id, subtype: state.selectedSubtype } : null;
}

/** The preview for the current choice of service and subtype; one computed for another choice counts as none. */
export function selectDeadlinePreview(state: WorkstationState): DeadlinePreviewLoad {
  const load = state.deadlinePreview;
  if (load.kind === 'idle') return load;
  const key = selectDeadlineKey(state);
  return key !== null && key.serviceId === load.key.serviceId && key.subtype === load.key.subtype ? load : IDLE;
}
