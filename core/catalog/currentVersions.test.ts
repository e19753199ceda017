import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from './catalogSchema';
import { currentVersions } from './currentVersions';

const catalog = catalogSchema.parse(JSON.parse(readFileSync(new URL('../../resources/catalog/services.json', import.meta.url), 'utf8')));

describe('currentVersions', () => {
  it('offers the newest regulation of each activity by default: the 2014 casino rules, not the 2012 ones', () => {
    const ids = currentVersions(catalog.services, {}).map((s) => s.id);
    expect(ids).toContain('002-a2-casino-2014');
    expect(ids).not.toContain('000-a1-casino-2012');
    expect(new Set(currentVersions(catalog.services, {}).map((s) => s.activityId)).size).toBe(ids.length);
  });

  it('follows the supervisor where the choice is a version of that activity, and ignores one that is not', () => {
    const casino = catalog.services.find((s) => s.id === '000-a1-casino-2012')!.activityId;
    expect(currentVersions(catalog.services, { [casino]: '000-a1-casino-2012' }).map((s) => s.id)).toContain('000-a1-casino-2012');
    expect(currentVersions(catalog.services, { [casino]: '001-security-2012' }).map((s) => s.id)).toContain('002-a2-casino-2014');
  });
});
