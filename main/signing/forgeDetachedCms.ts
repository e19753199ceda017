// Detached CMS SignedData made with node-forge (DESIGN.md §5): SHA-256, signed attributes
// contentType, signingTime, messageDigest. forge cannot verify what it makes; callers check the
// result with verifyDetachedCms.
import forge from 'node-forge';
import { children, fromBinary, toBinary } from './forgeAsn1';
import type { OpenedKey } from './pkcs12KeyFile';

export function makeDetachedCms(opened: OpenedKey, data: Uint8Array, signingTime: Date): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(toBinary(data));
  p7.addCertificate(opened.certificate);
  p7.addSigner({
    key: opened.key,
    certificate: opened.certificate,
    digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
    // forge does not sort: pass them in DER SET OF order (by encoding: 0x30 0x18, 0x30 0x1c, 0x30 0x2f).
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data },
      { type: forge.pki.oids.signingTime ?? '', value: signingTime as unknown as string }, // forge accepts a Date
      { type: forge.pki.oids.messageDigest ?? '' },
    ],
  });
  p7.sign({ detached: true });
  const contentInfo = p7.toAsn1();
  useOriginalIssuerName(contentInfo, opened.certificate);
  return fromBinary(forge.asn1.toDer(contentInfo).getBytes());
}

/**
 * forge re-encodes the issuer DN for issuerAndSerialNumber and UTF-8-encodes the already-UTF-8 bytes
 * of parsed UTF8String values (Cyrillic comes out garbled, OpenSSL: "signer certificate not found").
 * Put the certificate's own issuer Name back; it is not covered by the signature.
 */
function useOriginalIssuerName(contentInfo: forge.asn1.Asn1, certificate: forge.pki.Certificate): void {
  const tbs = children((certificate as forge.pki.Certificate & { tbsCertificate?: forge.asn1.Asn1 }).tbsCertificate);
  const versionPresent = tbs[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC;
  const issuerName = tbs[versionPresent ? 3 : 2];
  if (issuerName === undefined) throw new Error('certificate without issuer');
  const signedData = children(children(contentInfo)[1])[0];
  const signerInfos = children(signedData);
  const issuerAndSerial = children(children(signerInfos[signerInfos.length - 1])[0])[1];
  const fields = children(issuerAndSerial);
  fields[0] = issuerName;
}
