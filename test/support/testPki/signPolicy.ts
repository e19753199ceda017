// A SignPolicy over a test PKI: its CA trusted, its CRL current, the real signature suite.
import { derBlocksOf } from '../../../nodelib/pki/pem';
import { readCertificate } from '../../../core/pki/certificate';
import { readCrl, type CrlInfo } from '../../../core/pki/crl';
import type { SignPolicy } from '../../../main/ports/Signer';
import { createSigningPki, type SigningPki } from '../../../main/signing/signingPki';

/** The CA certificates of PEM strings or DER, read by core/pki (throws on anything else: a test bug). */
export function trustedFrom(certificates: readonly (string | Uint8Array)[]): SigningPki {
  return createSigningPki(
    certificates.flatMap((certificate) => derBlocksOf(typeof certificate === 'string' ? new TextEncoder().encode(certificate) : certificate, ['CERTIFICATE'])).map((der) => {
      const read = readCertificate(der);
      if (!read.ok) throw new Error(`test CA unreadable: ${read.error.kind}`);
      return read.value;
    }),
  );
}

export function crlsFrom(ders: readonly Uint8Array[]): CrlInfo[] {
  return ders.map((der) => {
    const read = readCrl(der);
    if (!read.ok) throw new Error(`test CRL unreadable: ${read.error.kind}`);
    return read.value;
  });
}

export function signPolicy(args: { operatorIin: string; now: Date; trusted: readonly (string | Uint8Array)[]; crls: readonly Uint8Array[] | null }): SignPolicy {
  return { operatorIin: args.operatorIin, now: args.now, pki: trustedFrom(args.trusted), crls: args.crls === null ? null : crlsFrom(args.crls) };
}
