import { z } from 'zod';
import {
  applicationSubmissionSchema,
  isoDateTimeSchema,
  registrationSchema,
  sha256HexSchema,
  twelveDigitsSchema,
} from '../../core/backendApi/wire';

/** A registry answer this backend gave; an application must cite one for its own applicant. */
export const issuedAnswerSchema = z.object({
  answerId: z.string().min(1),
  kind: z.enum(['individual', 'legal-entity']),
  identifier: twelveDigitsSchema,
  answeredAt: isoDateTimeSchema,
});
export type IssuedAnswer = z.infer<typeof issuedAnswerSchema>;

/**
 * A notary-registry answer this backend gave, with the PoA number it answered for; a notarised
 * representative must cite one for exactly their PoA. Kept apart from registry answers, so an
 * answer about a person can never pass for one about a PoA.
 */
export const issuedNotaryAnswerSchema = z.object({
  answerId: z.string().min(1),
  number: z.string().min(1),
  answeredAt: isoDateTimeSchema,
});
export type IssuedNotaryAnswer = z.infer<typeof issuedNotaryAnswerSchema>;

/** An uploaded document; the bytes live in blob storage, this is the index entry. */
export const blobEntrySchema = z.object({
  sha256: sha256HexSchema,
  sizeBytes: z.number().int().nonnegative(),
  storedAt: isoDateTimeSchema,
});
export type BlobEntry = z.infer<typeof blobEntrySchema>;

/**
 * The wire registration plus what was registered and by whom. Registrations saved before
 * submissions carried `representative` load with `representative: null` (the wire schema's
 * default: applicant in person).
 */
export const storedRegistrationSchema = registrationSchema.extend({
  submission: applicationSubmissionSchema,
  operatorId: z.string().min(1),
});
export type StoredRegistration = z.infer<typeof storedRegistrationSchema>;

/**
 * Idempotency-Key → the registration it produced, with the fingerprint of the request body
 * (draft-ietf-httpapi-idempotency-key-header: same key + other payload is a client error).
 * Only successful registrations are recorded, so a refused request can be fixed and retried
 * under the same key.
 */
export const idempotencyRecordSchema = z.object({
  key: z.string().min(1).max(255),
  fingerprint: sha256HexSchema,
  applicationId: z.string().min(1),
  recordedAt: isoDateTimeSchema,
});
export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;

/**
 * On-disk form of the whole state (stateDir/state.json); maps are stored as arrays of records.
 * Additions since version 1 are optional on read (`notaryAnswers`, `representative`), so a
 * state directory written before them still opens; they are always written.
 */
export const persistedStateSchema = z.object({
  version: z.literal(1),
  /** Last registration sequence number used, per registration year. */
  sequences: z.array(z.object({ year: z.number().int().min(2000).max(9999), last: z.number().int().nonnegative() })),
  registrations: z.array(storedRegistrationSchema),
  idempotency: z.array(idempotencyRecordSchema),
  blobs: z.array(blobEntrySchema),
  registryAnswers: z.array(issuedAnswerSchema),
  notaryAnswers: z.array(issuedNotaryAnswerSchema).default([]),
});
export type PersistedState = z.infer<typeof persistedStateSchema>;
