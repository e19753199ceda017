import { describe, expect, it } from 'vitest';
import { backendServiceSets } from './backendServiceSets';
import type { Catalog } from './catalogSchema';

const service = (id: string, operatorEdsRequired: boolean, kk: string, ru: string) =>
  ({ id, operatorEdsRequired, title: { kk, ru, en: 'x' }, provider: { kk: `${kk} органы`, ru: `Орган ${ru}`, en: 'y' } }) as unknown as Catalog['services'][number];

describe('backendServiceSets', () => {
  it('gives the ids, those needing the operator EDS, and the kk/ru titles and provider per id (no English)', () => {
    const sets = backendServiceSets({ version: 1, services: [service('001-a', true, 'Казино', 'Казино'), service('002-b', false, 'Күзет', 'Охрана')] });
    expect(sets.serviceIds).toEqual(new Set(['001-a', '002-b']));
    expect(sets.signatureRequiredServiceIds).toEqual(new Set(['001-a']));
    expect(sets.serviceTitles.get('002-b')).toEqual({ title: { kk: 'Күзет', ru: 'Охрана' }, provider: { kk: 'Күзет органы', ru: 'Орган Охрана' } });
    expect(sets.serviceTitles.size).toBe(2);
  });
});
