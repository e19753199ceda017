// The CA's revocation list, fetched from the backend and kept on disk so the counter can keep signing
// through an outage — up to a configured maximum age (DESIGN.md §5). Past that, or past the CRL's own
// nextUpdate, it is stale: signing is refused with a distinct message until it is refreshed.
import type { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RevocationListStatus } from '../../core/contract/signing';
import { err, ok, type Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { atomicWriteFile } from '../db/atomicWriteFile';
import type { Clock } from '../ports/Clock';
import { inspectCrl } from './crlRevocation';

export interface RevocationListCacheOptions {
  /** Folder for `crl.der` and `crl.json` (when it was fetched). */
  readonly dir: string;
  readonly maxAgeMs: number;
  /** A cached list younger than this is used without asking the backend. */
  readonly refreshAfterMs: number;
  readonly fetch: () => Promise<Result<Uint8Array, BackendFailure>>;
  readonly anchors: () => readonly X509Certificate[];
  readonly clock: Clock;
  /** Unexpected failures (disk); never personal data. */
  readonly onUnexpectedError: (error: unknown) => void;
}

export type StaleRevocationList = { readonly kind: 'revocation-list-stale'; readonly fetchedAt: string | null };

type Cached = { der: Uint8Array; fetchedAt: Date; nextUpdate: Date | null };

const metaSchema = z.object({ fetchedAt: z.iso.datetime() });

export class RevocationListCache {
  private cached: Cached | null = null;
  private refreshing: Promise<boolean> | null = null;

  private constructor(private readonly options: RevocationListCacheOptions) {}

  /** Loads the list saved by an earlier run, if any (one that no longer checks out is ignored). */
  static async open(options: RevocationListCacheOptions): Promise<RevocationListCache> {
    const cache = new RevocationListCache(options);
    try {
      const [der, meta] = await Promise.all([readFile(cache.derFile), readFile(cache.metaFile, 'utf8')]);
      const parsed = metaSchema.safeParse(JSON.parse(meta));
      const info = inspectCrl(der, options.anchors());
      if (parsed.success && info?.signedByAnchor) cache.cached = { der: new Uint8Array(der), fetchedAt: new Date(parsed.data.fetchedAt), nextUpdate: info.nextUpdate };
    } catch {
      // Nothing saved yet, or unreadable: the first refresh fills it.
    }
    return cache;
  }

  status(): RevocationListStatus {
    return {
      fetchedAt: this.cached?.fetchedAt.toISOString() ?? null,
      nextUpdate: this.cached?.nextUpdate?.toISOString() ?? null,
      stale: this.isStale(),
    };
  }

  /**
   * Fetches a new list; true when it was fetched, checked (signed by a trust anchor) and saved.
   * Concurrent callers share one request.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.fetchAndSave().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * The list to check a certificate against now. A stale list is refreshed first (the operator
   * waits at most one backend timeout); a merely old one is refreshed in the background.
   */
  async current(): Promise<Result<Uint8Array, StaleRevocationList>> {
    if (this.isStale()) await this.refresh();
    else if (this.age() > this.options.refreshAfterMs) void this.refresh();
    if (this.cached === null || this.isStale()) return err({ kind: 'revocation-list-stale', fetchedAt: this.cached?.fetchedAt.toISOString() ?? null });
    return ok(this.cached.der);
  }

  private get derFile(): string {
    return path.join(this.options.dir, 'crl.der');
  }

  private get metaFile(): string {
    return path.join(this.options.dir, 'crl.json');
  }

  private age(): number {
    return this.cached === null ? Number.POSITIVE_INFINITY : this.options.clock.now().getTime() - this.cached.fetchedAt.getTime();
  }

  private isStale(): boolean {
    if (this.cached === null) return true;
    const now = this.options.clock.now().getTime();
    const pastNextUpdate = this.cached.nextUpdate !== null && this.cached.nextUpdate.getTime() < now;
    return pastNextUpdate || this.age() > this.options.maxAgeMs;
  }

  private async fetchAndSave(): Promise<boolean> {
    const fetched = await this.options.fetch();
    if (!fetched.ok) return false;
    const info = inspectCrl(fetched.value, this.options.anchors());
    if (info === null || !info.signedByAnchor) return false;
    const fetchedAt = this.options.clock.now();
    try {
      await mkdir(this.options.dir, { recursive: true });
      await atomicWriteFile(this.derFile, fetched.value);
      await atomicWriteFile(this.metaFile, Buffer.from(JSON.stringify({ fetchedAt: fetchedAt.toISOString() })));
    } catch (error) {
      this.options.onUnexpectedError(error);
    }
    this.cached = { der: fetched.value, fetchedAt, nextUpdate: info.nextUpdate };
    return true;
  }
}
