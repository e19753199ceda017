import { describe, expect, it } from 'vitest';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';
import { handOverBlockerOf } from './handoverSelectors';

describe('handOverBlockerOf', () => {
  it('follows main’s rule: ready for hand-over, result stored here, not handed over yet', async () => {
    const { fake } = await createSignedInStore();
    const { underReview, refused, ready, queued } = arrangeTrackedApplications(fake);
    expect(handOverBlockerOf(queued)).toEqual({ kind: 'not-registered' });
    expect(handOverBlockerOf({ ...underReview, tracking: null })).toEqual({ kind: 'no-status' });
    expect(handOverBlockerOf(underReview)).toEqual({ kind: 'not-ready', status: 'under-review' });
    expect(handOverBlockerOf(refused)).toEqual({ kind: 'not-ready', status: 'refused' });
    expect(handOverBlockerOf(ready)).toEqual({ kind: 'view-result-first' });

    await fake.api.status.result(ready.applicationId);
    const stored = fake.queue.applications.find((application) => application.applicationId === ready.applicationId)!;
    expect(handOverBlockerOf(stored)).toBeNull();
    // Main agrees: it records the hand-over exactly when the renderer offers it.
    const handedOver = await fake.api.status.handOver(ready.applicationId);
    expect(handedOver.ok).toBe(true);
    if (!handedOver.ok) return;
    expect(handOverBlockerOf(handedOver.value)).toEqual({ kind: 'already-handed-over', handedOverAt: handedOver.value.handOver!.handedOverAt });
    expect(await fake.api.status.handOver(underReview.applicationId)).toEqual({ ok: false, error: { kind: 'not-ready' } });
  });
});
