// Detached CMS over data with a GOST test key, in NCALayer's form (KZ OIDs, NULL parameters), built
// by the product's own core/pki/cmsBuilder.ts with the test signer; optionally with an RFC 3161
// token from a test TSA (NCALayer's tsaProfile). Test code only.
import { DIGEST_OID } from '../../../../core/pki/algorithms/algorithmRegistry';
import { buildDetachedCms } from '../../../../core/pki/cmsBuilder';
import type { IssuedCertificate } from './gostCertificates';
import { gostDigest, gostSign } from './gostKeys';
import { issueTimestampToken, type TestTsa } from './gostTimestamp';

export function signDetachedGost(signer: IssuedCertificate, data: Uint8Array, options: { signingTime?: Date; tsa?: TestTsa } = {}): Uint8Array {
  const spec = signer.key.spec;
  return buildDetachedCms({
    certificateDer: signer.der,
    digestAlgorithmOid: DIGEST_OID[spec.digest],
    signatureAlgorithmOid: spec.signatureOid,
    nullParameters: true,
    messageDigest: gostDigest(spec, data),
    signingTime: options.signingTime ?? new Date(),
    sign: (signedAttributes) => gostSign(signer.key, signedAttributes),
    ...(options.tsa === undefined ? {} : { timestamp: (signatureValue: Uint8Array) => issueTimestampToken(options.tsa as TestTsa, signatureValue) }),
  });
}
