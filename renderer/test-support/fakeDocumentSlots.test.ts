import { describe, expect, it } from 'vitest';
import { documentSlotsSchema } from '../../core/catalog/documentSlots';
import shipped from '../../resources/catalog/documentSlots.json';
import { FAKE_DOCUMENT_SLOTS } from './fakeDocumentSlots';

describe('fake document slots', () => {
  it('are the shipped resources/catalog/documentSlots.json, valid by core’s schema', () => {
    expect(FAKE_DOCUMENT_SLOTS).toEqual(documentSlotsSchema.parse(shipped));
  });
});
