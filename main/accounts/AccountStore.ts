import { z } from 'zod';
import { operatorSchema, type Operator } from '../../core/backendApi/wire';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { LockoutState } from './lockoutPolicy';
import { passwordVerifierSchema, type PasswordVerifier } from './passwordVerifier';

export interface StoredAccount {
  readonly profile: Operator;
  readonly verifier: PasswordVerifier;
  /** The last successful online login; the verifier expires a configured number of days after it. */
  readonly onlineLoginAt: Date;
}

/**
 * Offline verifiers and lockout counters per login (normalised by `normaliseLogin`). A row that
 * fails its schema (damaged or hand-edited database) reads as absent: no offline login, no lockout
 * history — never a crash at the login screen.
 */
export interface AccountStore {
  findAccount(login: string): StoredAccount | null;
  saveAccount(login: string, account: StoredAccount): Promise<void>;
  readLockout(login: string): LockoutState | null;
  /** Stores the state, or forgets the login's failures when `state` is null (a successful login). */
  writeLockout(login: string, state: LockoutState | null): Promise<void>;
}

/** Logins are compared case-insensitively, so "Aigerim" and "aigerim" share one lockout counter. */
export function normaliseLogin(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

/**
 * Accounts and lockouts in the database. While the database is read-only (a full disk at start)
 * lockouts are counted in memory for this run — the lockout still protects the login — and a fresh
 * verifier is not saved (the previous one stays valid until its age runs out).
 */
export class SqlAccountStore implements AccountStore {
  private readonly lockoutsInMemory = new Map<string, LockoutState | null>();

  constructor(private readonly db: SqlJsDatabase) {}

  findAccount(login: string): StoredAccount | null {
    const row = this.db.read((r) => r.get(`SELECT profile_json, verifier_json, online_login_at FROM operator_verifiers WHERE login = ?`, [login]));
    if (!row) return null;
    const profile = parseJson(operatorSchema, row.profile_json);
    const verifier = parseJson(passwordVerifierSchema, row.verifier_json);
    const onlineLoginAt = z.iso.datetime().safeParse(row.online_login_at);
    if (!profile || !verifier || !onlineLoginAt.success) return null;
    return { profile, verifier, onlineLoginAt: new Date(onlineLoginAt.data) };
  }

  async saveAccount(login: string, account: StoredAccount): Promise<void> {
    if (this.db.access.kind === 'read-only') return;
    await this.db.write((w) =>
      w.run(
        `INSERT INTO operator_verifiers(login, profile_json, verifier_json, online_login_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(login) DO UPDATE SET profile_json = excluded.profile_json, verifier_json = excluded.verifier_json,
           online_login_at = excluded.online_login_at`,
        [login, JSON.stringify(account.profile), JSON.stringify(account.verifier), account.onlineLoginAt.toISOString()],
      ),
    );
  }

  readLockout(login: string): LockoutState | null {
    if (this.lockoutsInMemory.has(login)) return this.lockoutsInMemory.get(login) ?? null;
    const row = this.db.read((r) => r.get(`SELECT failures, window_started_at, locked_until FROM login_lockouts WHERE login = ?`, [login]));
    if (!row) return null;
    const parsed = lockoutRowSchema.safeParse(row);
    if (!parsed.success) return null;
    const { failures, window_started_at: windowStartedAt, locked_until: lockedUntil } = parsed.data;
    return { failures, windowStartedAt: new Date(windowStartedAt), lockedUntil: lockedUntil === null ? null : new Date(lockedUntil) };
  }

  async writeLockout(login: string, state: LockoutState | null): Promise<void> {
    if (this.db.access.kind === 'read-only') {
      this.lockoutsInMemory.set(login, state);
      return;
    }
    await this.db.write((w) => {
      if (state === null) {
        w.run(`DELETE FROM login_lockouts WHERE login = ?`, [login]);
        return;
      }
      w.run(
        `INSERT INTO login_lockouts(login, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT(login) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
           locked_until = excluded.locked_until`,
        [login, state.failures, state.windowStartedAt.toISOString(), state.lockedUntil?.toISOString() ?? null],
      );
    });
  }
}

/** In-memory AccountStore for tests. */
export class FakeAccountStore implements AccountStore {
  readonly accounts = new Map<string, StoredAccount>();
  readonly lockouts = new Map<string, LockoutState>();

  findAccount(login: string): StoredAccount | null {
    return this.accounts.get(login) ?? null;
  }

  async saveAccount(login: string, account: StoredAccount): Promise<void> {
    this.accounts.set(login, account);
  }

  readLockout(login: string): LockoutState | null {
    return this.lockouts.get(login) ?? null;
  }

  async writeLockout(login: string, state: LockoutState | null): Promise<void> {
    if (state === null) this.lockouts.delete(login);
    else this.lockouts.set(login, state);
  }
}

const lockoutRowSchema = z.object({
  failures: z.number().int().min(0),
  window_started_at: z.iso.datetime(),
  locked_until: z.iso.datetime().nullable(),
});

function parseJson<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
