import { createHash, randomBytes } from 'node:crypto';
import type { Operator } from '../../core/backendApi/wire';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

interface SessionEntry {
  readonly operator: Operator;
  readonly expiresAtMs: number;
}

/**
 * Bearer sessions, in memory only (a restart signs everyone out; the workstation logs in again).
 * Entries are keyed by SHA-256 of the token so the raw tokens are never kept, and a lookup's
 * timing depends on the digest, not on how much of a guessed token matches.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionEntry>();

  issue(operator: Operator, now: Date): IssuedSession {
    this.forgetExpired(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAtMs = now.getTime() + SESSION_LIFETIME_MS;
    this.sessions.set(digest(token), { operator, expiresAtMs });
    return { token, expiresAt: new Date(expiresAtMs) };
  }

  /** The operator behind a token, or null when the token is unknown or expired. */
  resolve(token: string, now: Date): Operator | null {
    const key = digest(token);
    const entry = this.sessions.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= now.getTime()) {
      this.sessions.delete(key);
      return null;
    }
    return entry.operator;
  }

  private forgetExpired(now: Date): void {
    for (const [key, entry] of this.sessions) if (entry.expiresAtMs <= now.getTime()) this.sessions.delete(key);
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
