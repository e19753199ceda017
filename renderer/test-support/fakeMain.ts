/**
 * What the fake areas share, as main's services share its database: the signed-in operator, the
 * registry snapshots, the clock and the id source. Built by createFakeWorkstation.
 */
import type { ApplicationSummary, OperatorProfile, RepresentativeCard, RepresentativeQuery, ServiceSummary, SupervisorSettings } from '../../core/contract';
import type { RegistryRecord } from '../../core/backendApi/wire';

export interface RepresentativeSnapshot {
  readonly query: RepresentativeQuery;
  readonly card: RepresentativeCard;
}

export interface FakeMain {
  /** The Kazakhstan date main sees as today ('YYYY-MM-DD'). */
  readonly today: string;
  operator(): OperatorProfile | null;
  settings(): SupervisorSettings;
  nextId(): string;
  /** Main's clock: a second later at every reading, so `updatedAt` orders a draft's changes. */
  now(): string;
  serviceById(serviceId: string): ServiceSummary | undefined;
  /** The service if it is a current version offered to the signed-in operator (main's CatalogService.findOffered). */
  findOffered(serviceId: string): ServiceSummary | null;
  readonly snapshots: Map<string, RegistryRecord>;
  readonly representatives: Map<string, RepresentativeSnapshot>;
  /** The journal, newest first. */
  readonly applications: ApplicationSummary[];
}

export const NOT_SIGNED_IN = { kind: 'not-signed-in' } as const;

export function displayNameOf(record: RegistryRecord): string {
  return record.kind === 'legal-entity' ? record.name : [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' ');
}

/** Not SHA-256: a stable 64-hex stand-in so tests need no crypto. */
export function fakeDigest(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(8);
}
