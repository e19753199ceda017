import type { CatalogEntry } from './catalogSchema';

/**
 * The version of each activity offered at the counter: the supervisor's choice where it names an
 * existing version of that activity, otherwise the newest regulation (issue #3: "the UI offers the
 * version marked current in settings"). Catalog order is kept.
 */
export function currentVersions(services: readonly CatalogEntry[], chosen: Readonly<Record<string, string>>): CatalogEntry[] {
  const byActivity = new Map<string, CatalogEntry[]>();
  for (const s of services) byActivity.set(s.activityId, [...(byActivity.get(s.activityId) ?? []), s]);
  const current = new Set<string>();
  for (const [activityId, versions] of byActivity) {
    const pick = versions.find((v) => v.id === chosen[activityId]) ?? [...versions].sort((a, b) => b.year - a.year)[0]!;
    current.add(pick.id);
  }
  return services.filter((s) => current.has(s.id));
}
