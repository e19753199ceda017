import type { Catalog } from '../../core/catalog/catalogSchema';

/** A minimal catalog that satisfies catalogSchema, for tests of catalog loading. */
export function sampleCatalog(serviceIds: readonly string[]): Catalog {
  const text = { kk: 'Сынақ', ru: 'Тест', en: 'Test' };
  return {
    version: 1,
    services: serviceIds.map((id, i) => ({
      id,
      activityId: `test-activity-${i}`,
      year: 2014,
      source: { seedFile: `${String(i + 1).padStart(3, '0')}_0123456789abcdef.txt`, annex: null },
      title: text,
      provider: text,
      performer: 'psc-operator',
      workflowProfile: 'psc-2014',
      channels: ['psc'],
      subtypes: (['issue', 'reissue', 'duplicate'] as const).map((sub) => ({ id: sub, deadlineWorkingDays: 15, deadlineQuoteKk: null })),
      acceptanceDayCounts: null,
      operatorEdsRequired: true,
      registries: ['individuals'],
      applicantKinds: ['individual'],
      // Like the 2014 ХҚО regulations ([14]): no action-table durations, no questionnaire.
      stepNorms: { login: null, service: null, lookup: null, dataUnavailable: null, documents: null, send: null },
      counterLimits: { requestProcessingMinutes: 15, resultHandoverMinutes: 15 },
      questionnaire: null,
    })),
  };
}
