import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TlsKeyPair {
  readonly certPem: string;
  readonly keyPem: string;
  /** The same two on disk, for code that takes file paths (PSC_BACKEND_TLS_CERT / _KEY). */
  readonly certPath: string;
  readonly keyPath: string;
}

/**
 * Throwaway PKI for TLS tests, made with the openssl CLI in a temp dir (EC P-256: quick to make).
 * Leaf certificates carry only themselves; the client completes the chain from its trust store.
 */
export interface TlsFixtures {
  readonly dir: string;
  /** "PSC Test Backend CA": signs every server certificate below. */
  readonly caPem: string;
  /** An unrelated CA that signed nothing here. */
  readonly otherCaPem: string;
  /** For 127.0.0.1 and localhost (subjectAltName), valid for a year. */
  readonly server: TlsKeyPair;
  /** For 127.0.0.1 and localhost, but valid only during January 2020. */
  readonly expired: TlsKeyPair;
  /** Valid and signed by the CA, but for wrong-host.example only. */
  readonly wrongHost: TlsKeyPair;
}

let cached: Promise<TlsFixtures> | null = null;

/** Made once per test process (a worker), on first use. Fails, naming the package, when openssl is missing. */
export function tlsFixtures(): Promise<TlsFixtures> {
  cached ??= makeTlsFixtures();
  return cached;
}

async function openssl(cwd: string, args: readonly string[]): Promise<void> {
  try {
    await run('openssl', [...args], { cwd });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('openssl is missing: install the openssl package (apt-get install -y openssl)', { cause: error });
    }
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim()}`, { cause: error });
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function makeCa(dir: string, name: string, commonName: string): Promise<string> {
  await openssl(dir, [
    'req', '-x509', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-subj', `/O=PSC Tests/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return readFile(path.join(dir, `${name}.pem`), 'utf8');
}

/** `openssl ca` rather than `x509 -req`: it takes explicit validity dates, which the expired certificate needs. */
function caConfig(dir: string): string {
  return [
    '[ca]', 'default_ca = test_ca',
    '[test_ca]', `dir = ${dir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir/issued', 'serial = $dir/serial',
    'default_md = sha256', 'policy = policy_any', 'unique_subject = no', 'copy_extensions = none',
    '[policy_any]', 'commonName = supplied',
    '',
  ].join('\n');
}

async function makeServer(
  dir: string,
  name: string,
  commonName: string,
  subjectAltName: string,
  validity: { readonly start: string; readonly end: string } | { readonly days: number },
): Promise<TlsKeyPair> {
  await openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${commonName}`]);
  await writeFile(
    path.join(dir, `${name}.ext`),
    `subjectAltName = ${subjectAltName}\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n`,
  );
  const dates = 'days' in validity ? ['-days', String(validity.days)] : ['-startdate', validity.start, '-enddate', validity.end];
  await openssl(dir, [
    'ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key',
    '-in', `${name}.csr`, '-out', `${name}.pem`, '-extfile', `${name}.ext`, ...dates,
  ]);
  const certPath = path.join(dir, `${name}.pem`);
  const keyPath = path.join(dir, `${name}.key`);
  return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8'), certPath, keyPath };
}

async function makeTlsFixtures(): Promise<TlsFixtures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'issued'));
  await writeFile(path.join(dir, 'index.txt'), '');
  await writeFile(path.join(dir, 'serial'), '1000\n');
  await writeFile(path.join(dir, 'ca.cnf'), caConfig(dir));
  const caPem = await makeCa(dir, 'ca', 'PSC Test Backend CA');
  const otherCaPem = await makeCa(dir, 'other-ca', 'Unrelated Test CA');
  // One after another: `openssl ca` keeps its serial and index in files.
  const server = await makeServer(dir, 'server', '127.0.0.1', 'IP:127.0.0.1,DNS:localhost', { days: 365 });
  const expired = await makeServer(dir, 'expired', '127.0.0.1', 'IP:127.0.0.1,DNS:localhost', { start: '20200101000000Z', end: '20200131000000Z' });
  const wrongHost = await makeServer(dir, 'wrong-host', 'wrong-host.example', 'DNS:wrong-host.example', { days: 365 });
  return { dir, caPem, otherCaPem, server, expired, wrongHost };
}
