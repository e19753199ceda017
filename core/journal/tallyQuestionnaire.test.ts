import { describe, expect, it } from 'vitest';
import { tallyQuestionnaire } from './tallyQuestionnaire';

describe('tallyQuestionnaire', () => {
  it('counts each answer per service and question', () => {
    expect(tallyQuestionnaire([
      { serviceId: '001-security-2012', quality: 2, accessibility: 0 },
      { serviceId: '000-a1-casino-2012', quality: 1, accessibility: 1 },
      { serviceId: '001-security-2012', quality: 2, accessibility: 1 },
    ])).toEqual([
      { serviceId: '000-a1-casino-2012', question: 'quality', counts: [0, 1, 0] },
      { serviceId: '000-a1-casino-2012', question: 'accessibility', counts: [0, 1, 0] },
      { serviceId: '001-security-2012', question: 'quality', counts: [0, 0, 2] },
      { serviceId: '001-security-2012', question: 'accessibility', counts: [1, 1, 0] },
    ]);
    expect(tallyQuestionnaire([])).toEqual([]);
  });
});
