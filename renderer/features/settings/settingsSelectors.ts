import type { ServiceSummary } from '../../../core/contract';
import { currentVersions } from '../../../core/catalog/currentVersions';
import type { WorkstationState } from '../../store/storeTypes';
import { overridesShown } from './settingsSlice';

export const selectSettingsLoad = (state: WorkstationState) => state.settingsLoad;
export const selectSettingsActivity = (state: WorkstationState) => state.settingsActivity;
export const selectSettingsOutcome = (state: WorkstationState) => state.settingsOutcome;
export const selectCalendarOverrides = (state: WorkstationState) => overridesShown(state);
export const selectHasUnsavedOverrides = (state: WorkstationState): boolean => state.overridesDraft !== null;

/** An activity regulated by more than one act, with the version operators are offered now. */
export interface VersionChoice {
  readonly activityId: string;
  readonly versions: readonly ServiceSummary[];
  readonly currentId: string;
}

/**
 * The activities a supervisor can choose a version for: those with more than one version, in
 * catalog order. The current one follows core's rule (the setting, else the newest act).
 */
export function versionChoicesOf(versions: readonly ServiceSummary[], chosen: Readonly<Record<string, string>>): readonly VersionChoice[] {
  const current = new Set(currentVersions(versions, chosen).map((service) => service.id));
  const activities = [...new Set(versions.map((service) => service.activityId))];
  return activities.flatMap((activityId) => {
    const ofActivity = versions.filter((service) => service.activityId === activityId);
    const currentId = ofActivity.find((service) => current.has(service.id))?.id;
    return ofActivity.length > 1 && currentId !== undefined ? [{ activityId, versions: ofActivity, currentId }] : [];
  });
}

export const selectBackendCheck = (state: WorkstationState) => state.backendCheck;
