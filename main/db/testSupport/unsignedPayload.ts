import type { UnsignedSubmission } from '../../../core/signing/signedPayload';

/** An unsigned submission body for database tests: one casino application, the `n`th of the run, accepted at `acceptedAt`. */
export function unsignedPayload(n: number, applicant: UnsignedSubmission['applicant'], acceptedAt: string, localPrefix = 'ABC'): UnsignedSubmission {
  return {
    serviceId: '002-a2-casino-2014',
    subtype: 'issue',
    applicant,
    registryAnswerId: `answer-${n}`,
    representative: null,
    documents: [{ sha256: 'a'.repeat(64), fileName: 'Өтініш.pdf', mediaType: 'application/pdf', sizeBytes: 10, pageCount: 1 }],
    localNumber: `${localPrefix}-20261123-000${n}`,
    workstationId: 'ws',
    acceptedAt,
  };
}
