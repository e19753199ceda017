// The trusted CAs' revocation lists, fetched from the backend and kept on disk so the counter can keep
// signing through an outage — up to a configured maximum age (docs/ARCHITECTURE.md, "Signing"). Past
// that, or once every list is past its own nextUpdate, the set is stale: signing is refused with a
// distinct message until it is refreshed. Only CRLs one of the trusted CAs signed are kept (verified
// through the signature suite: RSA and GOST alike).
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RevocationListStatus } from '../../core/contract/signing';
import { readCrl, type CrlInfo } from '../../core/pki/crl';
import { crlSignedBy } from '../../core/pki/revocation';
import { err, ok, type Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { atomicWriteFile } from '../db/atomicWriteFile';
import type { Clock } from '../ports/Clock';
import type { SigningPki } from './signingPki';

export interface RevocationListCacheOptions {
  /** Folder for `crls.json` (the lists and when they were fetched). */
  readonly dir: string;
  readonly maxAgeMs: number;
  /** A cached set younger than this is used without asking the backend. */
  readonly refreshAfterMs: number;
  readonly fetch: () => Promise<Result<readonly Uint8Array[], BackendFailure>>;
  readonly pki: SigningPki;
  readonly clock: Clock;
  /** Unexpected failures (disk); never personal data. */
  readonly onUnexpectedError: (error: unknown) => void;
}

export type StaleRevocationList = { readonly kind: 'revocation-list-stale'; readonly fetchedAt: string | null };

type Cached = { crls: readonly CrlInfo[]; fetchedAt: Date };

const savedSchema = z.object({ fetchedAt: z.iso.datetime(), crls: z.array(z.base64()).max(64) });

export class RevocationListCache {
  private cached: Cached | null = null;
  private refreshing: Promise<boolean> | null = null;

  private constructor(private readonly options: RevocationListCacheOptions) {}

  /** Loads the set saved by an earlier run, if any (lists that no longer check out are dropped). */
  static async open(options: RevocationListCacheOptions): Promise<RevocationListCache> {
    const cache = new RevocationListCache(options);
    // Earlier versions kept one CA's list as crl.der + crl.json; the first refresh replaces them.
    await Promise.all(['crl.der', 'crl.json'].map((name) => rm(path.join(options.dir, name), { force: true }).catch(() => undefined)));
    try {
      const saved = savedSchema.safeParse(JSON.parse(await readFile(cache.file, 'utf8')));
      if (saved.success) {
        const crls = cache.trustedCrls(saved.data.crls.map((base64) => Uint8Array.from(Buffer.from(base64, 'base64'))));
        if (crls.length > 0) cache.cached = { crls, fetchedAt: new Date(saved.data.fetchedAt) };
      }
    } catch {
      // Nothing saved yet, or unreadable: the first refresh fills it.
    }
    return cache;
  }

  status(): RevocationListStatus {
    const nextUpdates = (this.cached?.crls ?? []).flatMap((crl) => (crl.nextUpdate === null ? [] : [crl.nextUpdate.getTime()]));
    return {
      fetchedAt: this.cached?.fetchedAt.toISOString() ?? null,
      nextUpdate: nextUpdates.length === 0 ? null : new Date(Math.min(...nextUpdates)).toISOString(),
      stale: this.isStale(),
    };
  }

  /**
   * Fetches a new set; true when it was fetched, at least one list checked out (signed by a trusted
   * CA) and the set was saved. Concurrent callers share one request.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.fetchAndSave().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * The lists to check a certificate against now. A stale set is refreshed first (the operator
   * waits at most one backend timeout); a merely old one is refreshed in the background.
   */
  async current(): Promise<Result<readonly CrlInfo[], StaleRevocationList>> {
    if (this.isStale()) await this.refresh();
    else if (this.age() > this.options.refreshAfterMs) void this.refresh();
    if (this.cached === null || this.isStale()) return err({ kind: 'revocation-list-stale', fetchedAt: this.cached?.fetchedAt.toISOString() ?? null });
    return ok(this.cached.crls);
  }

  private get file(): string {
    return path.join(this.options.dir, 'crls.json');
  }

  private age(): number {
    return this.cached === null ? Number.POSITIVE_INFINITY : this.options.clock.now().getTime() - this.cached.fetchedAt.getTime();
  }

  private isStale(): boolean {
    if (this.cached === null) return true;
    const now = this.options.clock.now().getTime();
    const allPastNextUpdate = this.cached.crls.every((crl) => crl.nextUpdate !== null && crl.nextUpdate.getTime() < now);
    return allPastNextUpdate || this.age() > this.options.maxAgeMs;
  }

  /** The lists that parse and that a trusted CA signed; the others vouch for nothing. */
  private trustedCrls(ders: readonly Uint8Array[]): CrlInfo[] {
    const { pki } = this.options;
    return ders.flatMap((der) => {
      const crl = readCrl(der);
      return crl.ok && pki.trusted.some((ca) => crlSignedBy(crl.value, ca, pki)) ? [crl.value] : [];
    });
  }

  private async fetchAndSave(): Promise<boolean> {
    const fetched = await this.options.fetch();
    if (!fetched.ok) return false;
    const crls = this.trustedCrls(fetched.value);
    if (crls.length === 0) return false;
    const fetchedAt = this.options.clock.now();
    try {
      await mkdir(this.options.dir, { recursive: true });
      const saved = { fetchedAt: fetchedAt.toISOString(), crls: crls.map((crl) => Buffer.from(crl.der).toString('base64')) };
      await atomicWriteFile(this.file, Buffer.from(JSON.stringify(saved)));
    } catch (error) {
      this.options.onUnexpectedError(error);
    }
    this.cached = { crls, fetchedAt };
    return true;
  }
}
