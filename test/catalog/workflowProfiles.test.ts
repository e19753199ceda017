/**
 * The catalog's workflow profile of each regulation must agree with what the catalog says about
 * it: who performs Diagram No. 2, whether the operator signs, whether БНАЖ is queried.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../core/catalog/catalogSchema';
import { WORKFLOW_PROFILES } from '../../core/workflow/workflowProfiles';

const catalog = catalogSchema.parse(JSON.parse(readFileSync(new URL('../../resources/catalog/services.json', import.meta.url), 'utf8')));

describe('catalog workflow profiles', () => {
  it.each(catalog.services.map((s) => [s.id, s] as const))('%s has the profile its seed and performer imply', (_id, service) => {
    const expected =
      service.performer === 'provider-employee' ? 'provider' : service.source.seedFile.startsWith('002_') ? 'psc-2014' : 'psc-2012';
    expect(service.workflowProfile).toBe(expected);
    const profile = WORKFLOW_PROFILES[service.workflowProfile];
    expect(profile.operatorEds).toBe(service.operatorEdsRequired);
    expect(profile.representative === 'notarised-poa-checked').toBe(service.registries.includes('notary-poa'));
  });

  it('covers all three profiles', () => {
    expect(new Set(catalog.services.map((s) => s.workflowProfile))).toEqual(new Set(['psc-2012', 'psc-2014', 'provider']));
  });
});
