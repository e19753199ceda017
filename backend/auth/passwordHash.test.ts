import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwordHash';

describe('password hashes', () => {
  it('store salt and hash, never the password, and verify it', async () => {
    const encoded = await hashPassword('Correct horse #1');
    expect(encoded).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(encoded).not.toContain('Correct');
    expect(await verifyPassword('Correct horse #1', encoded)).toBe(true);
    expect(await verifyPassword('Correct horse #2', encoded)).toBe(false);
  });

  it('salt each hash differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('never match a malformed or tampered hash', async () => {
    const encoded = await hashPassword('pw');
    expect(await verifyPassword('pw', 'plain:pw')).toBe(false);
    expect(await verifyPassword('pw', encoded.replace('$16384$', '$16383$'))).toBe(false); // N not a power of two
    expect(await verifyPassword('pw', encoded.replace('$16384$', `$${2 ** 24}$`))).toBe(false); // cost bomb
    expect(await verifyPassword('pw', encoded.replace('$16384$', '$8192$'))).toBe(false); // other cost → other key
  });
});
