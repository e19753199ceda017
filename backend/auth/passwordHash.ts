import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes are stored as `scrypt$N$r$p$<salt>$<hash>` (salt and hash base64url), so the
 * cost parameters travel with each hash and can be raised later without breaking old ones.
 */
const PREFIX = 'scrypt';
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Upper bounds so a tampered hash string cannot make verification allocate gigabytes. */
const MAX_N = 1 << 20;
const MAX_RP = 16;

interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

function deriveKey(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is too tight for N=2^17 and up.
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Used to precompute fixture hashes; the server itself only verifies. */
export async function hashPassword(password: string, salt: Buffer = randomBytes(SALT_LENGTH)): Promise<string> {
  const { N, r, p } = DEFAULT_COST;
  const key = await deriveKey(password, salt, KEY_LENGTH, DEFAULT_COST);
  return [PREFIX, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (N === undefined || r === undefined || p === undefined) return null;
  const powerOfTwo = Number.isInteger(N) && N > 1 && N <= MAX_N && (N & (N - 1)) === 0;
  const small = (x: number) => Number.isInteger(x) && x >= 1 && x <= MAX_RP;
  if (!powerOfTwo || !small(r) || !small(p) || salt.length < 8 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const candidate = await deriveKey(password, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(candidate, parsed.key);
}
