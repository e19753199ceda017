import { describe, expect, it } from 'vitest';
import { createPasswordVerifier, DEFAULT_SCRYPT_PARAMS, passwordVerifierSchema, verifyPassword } from './passwordVerifier';

// The smallest parameters the schema accepts keep the suite fast; one test uses the defaults.
const FAST = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };

describe('password verifier', () => {
  it('verifies the password it was made from and refuses any other', async () => {
    const verifier = await createPasswordVerifier('Құпия-сөз 2026', FAST);
    expect(await verifyPassword('Құпия-сөз 2026', verifier)).toBe(true);
    expect(await verifyPassword('Құпия-сөз 2025', verifier)).toBe(false);
    expect(await verifyPassword('', verifier)).toBe(false);
  });

  it('records its parameters and a random 16-byte salt, never the password', async () => {
    const a = await createPasswordVerifier('secret-password', FAST);
    const b = await createPasswordVerifier('secret-password', FAST);
    expect(passwordVerifierSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ algorithm: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('secret-password');
  });

  it('uses N=2^15, r=8, p=1 by default and still verifies with them', async () => {
    const verifier = await createPasswordVerifier('default-params');
    expect(verifier).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT_PARAMS.N).toBe(32768);
    expect(await verifyPassword('default-params', verifier)).toBe(true);
  });

  it('refuses a stored verifier whose parameters would exhaust memory or time', () => {
    const sane = { algorithm: 'scrypt', ...FAST, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAA' };
    expect(passwordVerifierSchema.safeParse(sane).success).toBe(true);
    expect(passwordVerifierSchema.safeParse({ ...sane, N: 2 ** 24 }).success).toBe(false);
    expect(passwordVerifierSchema.safeParse({ ...sane, N: 3000 }).success).toBe(false);
    expect(passwordVerifierSchema.safeParse({ ...sane, p: 64 }).success).toBe(false);
  });
});
