/**
 * Wire types of the licensing backend (backend/openapi.yaml). Shared by the only client
 * (main/adapters/backend/HttpLicensingBackend.ts), which validates every response with these
 * schemas, and by the reference server in backend/, which validates every request with them.
 */
import { z } from 'zod';

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
export const twelveDigitsSchema = z.string().regex(/^\d{12}$/, '12 digits');
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();

export const operatorRoleSchema = z.enum(['operator', 'supervisor']);
export type OperatorRole = z.infer<typeof operatorRoleSchema>;

export const workplaceSchema = z.object({
  kind: z.enum(['psc', 'provider']),
  /** Display name of the PSC branch or the licensing body, as the backend knows it. */
  name: z.string().min(1),
});

/** POST /v1/session */
export const sessionRequestSchema = z.object({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  workstationId: z.string().min(1).max(64),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const operatorSchema = z.object({
  operatorId: z.string().min(1),
  login: z.string().min(1),
  fullName: z.string().min(1),
  iin: twelveDigitsSchema,
  role: operatorRoleSchema,
  workplace: workplaceSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

export const sessionResponseSchema = z.object({
  token: z.string().min(16),
  expiresAt: isoDateTimeSchema,
  operator: operatorSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** GET /v1/registry/persons/{iin} — ГБД ФЛ / ЖТ МДҚ answer. */
export const personRecordSchema = z.object({
  kind: z.literal('individual'),
  iin: twelveDigitsSchema,
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  middleName: z.string().nullable(),
  birthDate: isoDateSchema,
  /** Registry status as the registry states it; `deceased` persons cannot apply. */
  status: z.enum(['active', 'deceased']),
  address: z.string(),
  /** Set when the person is registered as an individual entrepreneur (ИП / ЖК). */
  entrepreneur: z.object({ tradeName: z.string().min(1), registeredAt: isoDateSchema }).nullable(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

/** GET /v1/registry/legal-entities/{bin} — ГБД ЮЛ / ЗТ МДҚ answer. */
export const legalEntityRecordSchema = z.object({
  kind: z.literal('legal-entity'),
  bin: twelveDigitsSchema,
  name: z.string().min(1),
  status: z.enum(['active', 'liquidated', 'suspended']),
  address: z.string(),
  registeredAt: isoDateSchema,
  head: z.object({ iin: twelveDigitsSchema, fullName: z.string().min(1) }),
});
export type LegalEntityRecord = z.infer<typeof legalEntityRecordSchema>;

export const registryRecordSchema = z.discriminatedUnion('kind', [personRecordSchema, legalEntityRecordSchema]);
export type RegistryRecord = z.infer<typeof registryRecordSchema>;

export const registryAnswerSchema = z.object({
  /** Reference of this registry answer at the gateway; goes into the application payload. */
  answerId: z.string().min(1),
  answeredAt: isoDateTimeSchema,
  record: registryRecordSchema,
});
export type RegistryAnswer = z.infer<typeof registryAnswerSchema>;

/**
 * GET /v1/notary/powers-of-attorney/{number} — a notarised power of attorney as the unified
 * notarial IS (БНАЖ / ЕНИС) records it. Used by the 2014 regulations (W2/W3): a notarised PoA is
 * entered and checked; a PoA certified otherwise is not looked up at all.
 */
export const powerOfAttorneyNumberSchema = z.string().trim().min(1).max(40).regex(/^[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі/-]+$/);

export const powerOfAttorneyRecordSchema = z.object({
  number: z.string().min(1),
  notary: z.string().min(1),
  issuedOn: isoDateSchema,
  /** Last day the PoA is valid, inclusive. */
  validUntil: isoDateSchema,
  status: z.enum(['active', 'revoked']),
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('individual'), iin: twelveDigitsSchema, fullName: z.string().min(1) }),
    z.object({ kind: z.literal('legal-entity'), bin: twelveDigitsSchema, name: z.string().min(1) }),
  ]),
  representative: z.object({ iin: twelveDigitsSchema, fullName: z.string().min(1) }),
});
export type PowerOfAttorneyRecord = z.infer<typeof powerOfAttorneyRecordSchema>;

export const powerOfAttorneyAnswerSchema = z.object({
  answerId: z.string().min(1),
  answeredAt: isoDateTimeSchema,
  record: powerOfAttorneyRecordSchema,
});
export type PowerOfAttorneyAnswer = z.infer<typeof powerOfAttorneyAnswerSchema>;

export const applicationSubtypeSchema = z.enum(['issue', 'reissue', 'duplicate']);
export type ApplicationSubtype = z.infer<typeof applicationSubtypeSchema>;

export const applicantRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('individual'), iin: twelveDigitsSchema }),
  z.object({ kind: z.literal('legal-entity'), bin: twelveDigitsSchema }),
]);
export type ApplicantRef = z.infer<typeof applicantRefSchema>;

export const documentRefSchema = z.object({
  sha256: sha256HexSchema,
  fileName: z.string().min(1).max(255),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']),
  sizeBytes: z.number().int().positive(),
  /** Pages of the assembled document; in every signed payload (absent in bodies accepted before signing existed). */
  pageCount: z.number().int().positive().max(10_000).optional(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

/** Who applies on the applicant's behalf, and on what authority (2014 regulations, W2). */
export const representativeRefSchema = z.object({
  iin: twelveDigitsSchema,
  /** The individuals-registry answer about the representative. */
  registryAnswerId: z.string().min(1),
  powerOfAttorney: z.discriminatedUnion('kind', [
    /** Notarised: its number and the notary-registry answer that confirmed it. */
    z.object({ kind: z.literal('notarised'), number: z.string().min(1), notaryAnswerId: z.string().min(1) }),
    /** Certified otherwise: the regulations leave the PoA fields empty. */
    z.object({ kind: z.literal('other') }),
  ]),
});
export type RepresentativeRef = z.infer<typeof representativeRefSchema>;

/** The operator who accepted the application, as the signed payload names them. */
export const acceptingOperatorSchema = z.object({
  operatorId: z.string().min(1).max(64),
  iin: twelveDigitsSchema,
});
export type AcceptingOperator = z.infer<typeof acceptingOperatorSchema>;

/** The regulation the service follows: seed file and annex of the act (resources/catalog/services.json). */
export const regulationRefSchema = z.object({
  seedFile: z.string().min(1).max(64),
  annex: z.string().min(1).max(64).nullable(),
});

export const OPERATOR_SIGNATURE_FORMAT = 'cms-detached-sha256' as const;

/**
 * The operator's EDS over the application (DESIGN.md §5): a detached CMS SignedData (SHA-256; signed
 * attributes contentType, signingTime, messageDigest) over the RFC 8785 canonical JSON of the body
 * *without* this field, as UTF-8 (core/signing/signedPayload.ts).
 */
export const operatorSignatureSchema = z.object({
  format: z.literal(OPERATOR_SIGNATURE_FORMAT),
  /** DER, base64. */
  cms: z.base64().min(1).max(96_000),
});
export type OperatorSignature = z.infer<typeof operatorSignatureSchema>;

/** POST /v1/applications (header Idempotency-Key). The body is what the operator accepted. */
export const applicationSubmissionSchema = z.object({
  serviceId: z.string().min(1).max(100),
  /** In signed payloads: the regulation the service was accepted under. */
  regulation: regulationRefSchema.optional(),
  subtype: applicationSubtypeSchema,
  applicant: applicantRefSchema,
  registryAnswerId: z.string().min(1),
  /**
   * Null when the applicant (or the legal entity's head) applies in person. Absent in bodies
   * accepted before representatives existed; those are still sent exactly as accepted.
   */
  representative: representativeRefSchema.nullable().default(null),
  documents: z.array(documentRefSchema).min(1).max(100),
  localNumber: z.string().min(1).max(64),
  workstationId: z.string().min(1).max(64),
  acceptedAt: isoDateTimeSchema,
  /** In signed payloads: who accepted it (must be the session's operator and the signer). */
  operator: acceptingOperatorSchema.optional(),
  /** In signed payloads: the request's Idempotency-Key, so a signature cannot be replayed under another key. */
  idempotencyKey: z.string().min(1).max(128).optional(),
  /** Null for services whose regulation has no operator signature (provider employees), and in older bodies. */
  operatorSignature: operatorSignatureSchema.nullable().default(null),
});
export type ApplicationSubmission = z.infer<typeof applicationSubmissionSchema>;
/** The body as sent on the wire (fields with defaults may be absent). */
export type ApplicationSubmissionBody = z.input<typeof applicationSubmissionSchema>;

export const applicationStatusSchema = z.enum(['registered', 'under-review', 'issued', 'refused', 'ready-for-handover']);

export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const registrationSchema = z.object({
  applicationId: z.string().min(1),
  registrationNumber: z.string().min(1),
  registeredAt: isoDateTimeSchema,
  status: applicationStatusSchema,
});
export type Registration = z.infer<typeof registrationSchema>;

/** One step of an application's life at the provider, oldest first. */
export const statusEventSchema = z.object({ status: applicationStatusSchema, at: isoDateTimeSchema });
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** The provider's words for a refusal, in both languages of the regulations. */
export const refusalReasonSchema = z.object({ kk: z.string().min(1).max(2000), ru: z.string().min(1).max(2000) });
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/**
 * What the provider decided (DESIGN.md §1 step 9): a licence (issue), a re-issued licence, a
 * duplicate — always under a new number, its PDF marked «Телнұсқа» — or a reasoned refusal.
 */
export const providerDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('issued'),
    document: z.enum(['licence', 'reissued-licence', 'duplicate']),
    licenceNumber: z.string().min(1).max(64),
    decidedAt: isoDateTimeSchema,
  }),
  z.object({ outcome: z.literal('refused'), reason: refusalReasonSchema, decidedAt: isoDateTimeSchema }),
]);
export type ProviderDecision = z.infer<typeof providerDecisionSchema>;

/** The result document the provider produced, downloadable from GET /v1/applications/{id}/result. */
export const resultDocumentRefSchema = z.object({
  sha256: sha256HexSchema,
  sizeBytes: z.number().int().positive(),
  /** ASCII file name, e.g. `licence-KZ26LAA00000123.pdf`. */
  fileName: z.string().min(1).max(255),
});
export type ResultDocumentRef = z.infer<typeof resultDocumentRefSchema>;

/**
 * GET /v1/applications/{id}: the registration with its current status, the history that led there,
 * the decision once there is one, and the result document once it can be handed over.
 */
export const applicationStatusViewSchema = registrationSchema.extend({
  history: z.array(statusEventSchema).min(1),
  decision: providerDecisionSchema.nullable(),
  result: resultDocumentRefSchema.nullable(),
});
export type ApplicationStatusView = z.infer<typeof applicationStatusViewSchema>;

/** Every non-2xx answer carries this body; `code` is stable, `message` is for logs only. */
export const problemSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Stable problem codes the workstation reacts to. */
export const PROBLEM_CODES = {
  invalidCredentials: 'invalid-credentials',
  unauthorized: 'unauthorized',
  notFound: 'not-found',
  validation: 'validation-failed',
  unknownService: 'unknown-service',
  missingDocument: 'missing-document',
  digestMismatch: 'digest-mismatch',
  idempotencyKeyReused: 'idempotency-key-reused',
  idempotencyKeyInFlight: 'idempotency-key-in-flight',
  /** The registry says the applicant cannot apply (deceased person, liquidated or suspended entity). */
  applicantIneligible: 'applicant-ineligible',
  /** The representative or their power of attorney does not check out (unknown answer, expired, revoked, other parties). */
  powerOfAttorneyInvalid: 'power-of-attorney-invalid',
  /** The service's regulation requires the operator's EDS and the body carries none. */
  signatureRequired: 'signature-required',
  /** The CMS is malformed or does not verify over this body's canonical bytes (the body was changed after signing). */
  signatureInvalid: 'signature-invalid',
  /** The signing certificate does not chain to the backend's trust store. */
  certificateUntrusted: 'certificate-untrusted',
  /** The signing certificate was not valid (expired / not yet valid) when it signed. */
  certificateNotValid: 'certificate-not-valid',
  /** The signing certificate is on the CA's revocation list. */
  certificateRevoked: 'certificate-revoked',
  /** No current revocation list of the signing certificate's CA: whether it is revoked cannot be told. */
  certificateStatusUnknown: 'certificate-status-unknown',
  /** The signature or a certificate uses an algorithm (or curve) the backend cannot verify. */
  unsupportedAlgorithm: 'unsupported-algorithm',
  /** The certificate is an authentication key, not a signing key (keyUsage without nonRepudiation). */
  notASigningKey: 'not-a-signing-key',
  /** The certificate's IIN, the payload's operator and the session's operator are not the same person. */
  signerNotOperator: 'signer-not-operator',
  /** A stored document's bytes do not hash to the SHA-256 the signed payload names. */
  documentDigestMismatch: 'document-digest-mismatch',
  internal: 'internal-error',
  requestTimeout: 'request-timeout',
  /** A submitted PDF carries active content (JavaScript, actions, embedded files, XFA…), or cannot be inspected. */
  activeContent: 'active-content',
  /** A document is larger, or has more pages, than the published limits (GET /v1/capabilities). */
  documentTooLarge: 'document-too-large',
} as const;

export const healthSchema = z.object({ status: z.literal('ok'), time: isoDateTimeSchema });

/**
 * What the backend accepts (GET /v1/capabilities, unauthenticated): the workstation checks every
 * assembled document against these before an application is accepted, and keeps the last answer
 * for offline work.
 */
export const backendLimitsSchema = z.object({
  /** Largest document (one PDF) in bytes. */
  maxDocumentBytes: z.number().int().positive(),
  /** Most pages one document may have. */
  maxDocumentPages: z.number().int().positive(),
});
export type BackendLimits = z.infer<typeof backendLimitsSchema>;
export const capabilitiesSchema = z.object({ limits: backendLimitsSchema });
export type BackendCapabilities = z.infer<typeof capabilitiesSchema>;
