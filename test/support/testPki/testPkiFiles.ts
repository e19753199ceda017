// The whole throwaway test PKI as files, for scripts/generateTestPki.mjs: the RSA one (PKCS#12 key
// files, as the key-file signer reads them) and one GOST PKI per family (certificates, the GOST-signed
// CRL, and the private scalars in hex for a fake NCALayer — GOST keys have no file format here).
import { pemOf } from '../../../nodelib/pki/pem';
import { generateTestPki, TEST_KEY_NAMES } from './generateTestPki';
import { generateGostTestPki } from './gost/generateGostTestPki';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export async function testPkiFiles(options: { now: Date; operatorIin: string; otherIin: string; password: string }): Promise<Record<string, string | Uint8Array>> {
  const pki = await generateTestPki(options);
  const files: Record<string, string | Uint8Array> = { 'ca.pem': pki.ca.certPem, 'other-ca.pem': pki.otherCa.certPem, 'crl.pem': pki.crlPem, 'crl.der': pki.crlDer };
  for (const name of TEST_KEY_NAMES) {
    files[`operator-${kebab(name)}.p12`] = pki.keys[name].p12;
    files[`operator-${kebab(name)}.pem`] = pki.keys[name].certPem;
  }
  for (const family of ['gost-2015-512', 'gost-2004'] as const) {
    const gost = generateGostTestPki({ family, now: options.now, operatorIin: options.operatorIin, otherIin: options.otherIin });
    const keys: Record<string, string> = {};
    files[`${family}/root.pem`] = pemOf(gost.root.der, 'CERTIFICATE');
    files[`${family}/ca.pem`] = pemOf(gost.ca.der, 'CERTIFICATE');
    files[`${family}/other-root.pem`] = pemOf(gost.otherRoot.der, 'CERTIFICATE');
    files[`${family}/tsa.pem`] = pemOf(gost.tsa.certificate.der, 'CERTIFICATE');
    files[`${family}/ca.crl`] = gost.crlDer;
    for (const name of TEST_KEY_NAMES) {
      files[`${family}/operator-${kebab(name)}.pem`] = pemOf(gost.keys[name].der, 'CERTIFICATE');
      keys[`operator-${kebab(name)}`] = gost.keys[name].key.privateKey.toString(16);
    }
    files[`${family}/private-keys.json`] = `${JSON.stringify(keys, null, 2)}\n`;
  }
  return files;
}
