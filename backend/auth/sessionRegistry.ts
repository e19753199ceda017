import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { operatorSchema, type Operator } from '../../core/backendApi/wire';
import { atomicWriteFile } from '../state/atomicWriteFile';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

interface SessionEntry {
  readonly operator: Operator;
  readonly expiresAtMs: number;
}

const savedSessionsSchema = z.array(z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/), operator: operatorSchema, expiresAtMs: z.number() }));

/**
 * Bearer sessions, keyed by SHA-256 of the token so raw tokens are never kept (in memory or on disk),
 * and a lookup's timing depends on the digest, not on how much of a guessed token matches. With a
 * file (the backend has a state directory) they survive a restart, as a real server's sessions do:
 * a backend that comes back after an outage must not sign out every counter.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionEntry>();
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | null) {}

  static inMemory(): SessionRegistry {
    return new SessionRegistry(null);
  }

  /** Sessions saved by an earlier run (expired ones dropped); a missing or unreadable file is an empty registry. */
  static async open(file: string, now: Date): Promise<SessionRegistry> {
    const registry = new SessionRegistry(file);
    try {
      const saved = savedSessionsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (saved.success) for (const entry of saved.data) if (entry.expiresAtMs > now.getTime()) registry.sessions.set(entry.digest, entry);
    } catch {
      // First start, or a damaged file: operators log in again.
    }
    return registry;
  }

  /** Resolves once the session is durable (when there is a file), so a token handed out survives a crash. */
  async issue(operator: Operator, now: Date): Promise<IssuedSession> {
    this.forgetExpired(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAtMs = now.getTime() + SESSION_LIFETIME_MS;
    this.sessions.set(digest(token), { operator, expiresAtMs });
    await this.save();
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

  private save(): Promise<void> {
    const file = this.file;
    if (file === null) return Promise.resolve();
    const snapshot = JSON.stringify([...this.sessions].map(([key, entry]) => ({ digest: key, operator: entry.operator, expiresAtMs: entry.expiresAtMs })));
    // Serialised: the last write holds every session issued so far.
    this.saving = this.saving.catch(() => undefined).then(() => atomicWriteFile(file, snapshot));
    return this.saving;
  }

  private forgetExpired(now: Date): void {
    for (const [key, entry] of this.sessions) if (entry.expiresAtMs <= now.getTime()) this.sessions.delete(key);
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
