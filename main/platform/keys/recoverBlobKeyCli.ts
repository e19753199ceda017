/**
 * `npm run blob-key:recover -- --escrow <data>/blob.key.escrow.json --private-key admin-escrow.key`
 * (the administrator, on their own machine): prints the blob key as base64, to be put in the
 * workstation's config.json as `blobKeyBase64` (issue 15 item 7). The private key's passphrase, if
 * any, comes from the environment variable named by `--passphrase-env` (never the command line).
 * Exit 0 recovered, 1 refused (wrong key, damaged file), 2 usage.
 */
import { readFile } from 'node:fs/promises';
import { recoverBlobKey } from './blobKeyEscrow';

export async function runRecoverBlobKey(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, out: (line: string) => void): Promise<number> {
  const arg = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const escrowFile = arg('--escrow');
  const keyFile = arg('--private-key');
  const passphraseEnv = arg('--passphrase-env');
  if (!escrowFile || !keyFile) {
    out('usage: npm run blob-key:recover -- --escrow <blob.key.escrow.json> --private-key <admin key PEM> [--passphrase-env VAR]');
    return 2;
  }
  let escrow: string;
  let key: string;
  try {
    [escrow, key] = await Promise.all([readFile(escrowFile, 'utf8'), readFile(keyFile, 'utf8')]);
  } catch (error) {
    out(`cannot read ${(error as NodeJS.ErrnoException).path ?? 'a file'}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    return 2;
  }
  const recovered = recoverBlobKey(escrow, key, passphraseEnv ? env[passphraseEnv] : undefined);
  if (!recovered.ok) {
    out(`not recovered: ${recovered.error}`);
    return 1;
  }
  out(Buffer.from(recovered.value).toString('base64'));
  out('Put this value in the workstation\'s config.json as "blobKeyBase64" (a file readable only by its account); the workstation then opens its stored documents without the OS key store.');
  return 0;
}
