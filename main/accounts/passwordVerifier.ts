import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * An scrypt verifier of an operator's password, cached after a successful online login so the
 * operator can sign in through a backend outage (issue #8 item 2). It holds the parameters it was
 * made with, so raising them later still verifies the verifiers already stored.
 */
export const passwordVerifierSchema = z.object({
  algorithm: z.literal('scrypt'),
  // Bounded so a tampered database cannot make a login allocate gigabytes or spin for minutes.
  N: z.number().int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
  keyLength: z.number().int().min(16).max(64),
  salt: z.base64(),
  hash: z.base64(),
});
export type PasswordVerifier = z.infer<typeof passwordVerifierSchema>;

export type ScryptParams = Pick<PasswordVerifier, 'N' | 'r' | 'p' | 'keyLength'>;

/** N=2^15, r=8, p=1: OWASP's minimum for scrypt; about 0.1 s and 32 MiB per check. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

const SALT_BYTES = 16;

export async function createPasswordVerifier(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<PasswordVerifier> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Constant-time comparison of the derived key; false for a wrong password, never throws for one. */
export async function verifyPassword(password: string, verifier: PasswordVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(password, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly 128·N·r at N=2^15, r=8: leave headroom.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
