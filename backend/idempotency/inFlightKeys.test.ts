import { describe, expect, it } from 'vitest';
import { InFlightKeys } from './inFlightKeys';

describe('InFlightKeys', () => {
  it('lets one holder per key in and frees the key on release', () => {
    const keys = new InFlightKeys();
    const release = keys.tryAcquire('k');
    expect(release).not.toBeNull();
    expect(keys.tryAcquire('k')).toBeNull();
    expect(keys.tryAcquire('other')).not.toBeNull();
    release?.();
    expect(keys.tryAcquire('k')).not.toBeNull();
  });
});
