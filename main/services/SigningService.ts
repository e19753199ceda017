// The operator's EDS as a use case (DESIGN.md §5): which key, is it theirs and valid today, and the
// signature over the bytes SubmissionsService hands in. Passwords and key bytes live for one call.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { NotSignedIn } from '../../core/contract/common';
import {
  MAX_KEY_FILE_BYTES,
  type CertificateProblemView,
  type KeyInspection,
  type KeyOpenProblem,
  type KeySource,
  type RememberedKey,
  type RevocationListStatus,
  type SigningApi,
  type SigningMethod,
  type SigningProblem,
} from '../../core/contract/signing';
import { err, ok, type Result } from '../../core/result';
import { checkSigningCertificate, type CertificateDescription } from '../../core/signing/certificateRules';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';
import type { Clock } from '../ports/Clock';
import type { AgentSigner, Signature, Signer, SignerError, SignPolicy } from '../ports/Signer';
import type { RevocationListCache, StaleRevocationList } from '../signing/RevocationListCache';
import { cardView, problemView, signerProblemView } from '../signing/signingViews';
import type { OperatorSession } from './OperatorSession';

export interface SigningServiceDeps {
  readonly db: SqlJsDatabase;
  readonly session: OperatorSession;
  readonly keyFileSigner: Signer;
  /** NCALayer; null where the workstation is configured without it. */
  readonly agentSigner: AgentSigner | null;
  readonly trustAnchorsPem: readonly string[];
  readonly revocationList: RevocationListCache;
  /** Describes a certificate for the pure rules (chain, validity, CRL, keyUsage, subject). */
  readonly describeCertificate: (certificatePem: string, policy: SignPolicy) => CertificateDescription;
  readonly clock: Clock;
}

const rememberedSchema = z.object({ fileName: z.string().min(1), path: z.string().min(1).nullable() });
type Remembered = z.infer<typeof rememberedSchema>;
const rememberedKeyOf = (operatorId: string): string => `signing.rememberedKey.${operatorId}`;

type KeyBytes = { bytes: Uint8Array; remember: Remembered | null };

export class SigningService implements SigningApi {
  constructor(private readonly deps: SigningServiceDeps) {}

  async rememberedKey(): Promise<Result<RememberedKey | null, NotSignedIn>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const remembered = this.remembered(active.value.operator.operatorId);
    return ok(remembered ? { fileName: remembered.fileName, reopenable: remembered.path !== null } : null);
  }

  async inspectKey(key: KeySource, password: string): Promise<Result<KeyInspection, NotSignedIn | KeyOpenProblem>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const operator = active.value.operator;
    const source = await this.keyBytes(operator.operatorId, key);
    if (!source.ok) return source;
    const card = this.deps.keyFileSigner.inspect(source.value.bytes, password);
    if (!card.ok) {
      if (card.error.kind === 'wrong-password' || card.error.kind === 'not-a-key-file' || card.error.kind === 'no-private-key') return err({ kind: card.error.kind });
      throw new Error(`inspect returned a certificate problem: ${card.error.kind}`);
    }
    await this.remember(operator.operatorId, source.value.remember);
    const problem = this.certificateProblem(card.value.certificatePem, this.policyFor(operator.iin, await this.deps.revocationList.current()));
    return ok({ card: cardView(card.value), problem });
  }

  async revocationStatus(): Promise<Result<RevocationListStatus, NotSignedIn>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    if (this.deps.revocationList.status().stale) await this.deps.revocationList.refresh();
    return ok(this.deps.revocationList.status());
  }

  /**
   * Signs `data` as the signed-in operator. Nothing is signed with a key that fails a check; a stale
   * revocation list is its own problem (after any other problem of the key, which the operator can fix).
   */
  async sign(method: SigningMethod, data: Uint8Array): Promise<Result<Signature, NotSignedIn | SigningProblem>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const operator = active.value.operator;
    const crl = await this.deps.revocationList.current();
    const policy = this.policyFor(operator.iin, crl);

    if (method.kind === 'ncalayer') {
      if (this.deps.agentSigner === null) return err({ kind: 'agent-unavailable' });
      const signed = await this.deps.agentSigner.sign(data, policy);
      if (signed.ok) return signed;
      const error = signed.error;
      if (error.kind === 'agent-unavailable' || error.kind === 'agent-cancelled' || error.kind === 'agent-error') return err({ kind: error.kind });
      if (error.kind === 'signature-invalid') return err({ kind: 'agent-error' });
      if (error.kind === 'revocation-unknown' && !crl.ok) return err(crl.error);
      return err(problemView(error));
    }

    const source = await this.keyBytes(operator.operatorId, method.key);
    if (!source.ok) return source;
    if (!crl.ok) {
      // Nothing is signed on a stale list; the key is still opened to name any problem of its own first.
      const card = this.deps.keyFileSigner.inspect(source.value.bytes, method.password);
      if (!card.ok) return err(signerProblemView(card.error));
      await this.remember(operator.operatorId, source.value.remember);
      return err(this.certificateProblem(card.value.certificatePem, policy) ?? crl.error);
    }
    // One opening of the key: `sign` checks the certificate itself before it signs.
    const signed = this.deps.keyFileSigner.sign(source.value.bytes, method.password, data, policy);
    if (signed.ok || !isKeyOpenFailure(signed.error)) await this.remember(operator.operatorId, source.value.remember);
    return signed.ok ? signed : err(signerProblemView(signed.error));
  }

  /** The rules' inputs for now; a stale list is carried along so its problem can be named. */
  private policyFor(operatorIin: string, crl: Result<Uint8Array, StaleRevocationList>): SignPolicy & { readonly staleList?: StaleRevocationList } {
    const base = { operatorIin, now: this.deps.clock.now(), trustAnchorsPem: this.deps.trustAnchorsPem };
    return crl.ok ? { ...base, crlDer: crl.value } : { ...base, crlDer: null, staleList: crl.error };
  }

  /** The first problem with this certificate today, judged as the signing rules will judge it. */
  private certificateProblem(certificatePem: string, policy: SignPolicy & { readonly staleList?: StaleRevocationList }): CertificateProblemView | null {
    const description = this.deps.describeCertificate(certificatePem, policy);
    if (policy.crlDer === null && policy.staleList) {
      // Judge everything else first: "this is not your key" helps more than "the list is old".
      const other = checkSigningCertificate({ ...description, revoked: false }, policy);
      return other.ok ? policy.staleList : problemView(other.error);
    }
    const verdict = checkSigningCertificate(description, policy);
    return verdict.ok ? null : problemView(verdict.error);
  }

  private async keyBytes(operatorId: string, key: KeySource): Promise<Result<KeyBytes, KeyOpenProblem>> {
    if (key.kind === 'file') {
      const bytes = Uint8Array.from(Buffer.from(key.bytesBase64, 'base64'));
      if (bytes.length === 0 || bytes.length > MAX_KEY_FILE_BYTES) return err({ kind: 'not-a-key-file' });
      // Remember the path only if it really holds what the operator picked (the renderer is not trusted).
      const onDisk = key.path === null ? null : await readKeyFile(key.path);
      const pathHolds = onDisk !== null && Buffer.from(onDisk).equals(Buffer.from(bytes));
      return ok({ bytes, remember: { fileName: path.basename(key.fileName), path: pathHolds ? key.path : null } });
    }
    const remembered = this.remembered(operatorId);
    if (remembered?.path == null) return err({ kind: 'key-file-unavailable' });
    const bytes = await readKeyFile(remembered.path);
    return bytes === null ? err({ kind: 'key-file-unavailable' }) : ok({ bytes, remember: null });
  }

  private remembered(operatorId: string): Remembered | null {
    const raw = this.deps.db.read((r) => getSetting(r, rememberedKeyOf(operatorId)));
    if (raw === null) return null;
    try {
      const parsed = rememberedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private async remember(operatorId: string, value: Remembered | null): Promise<void> {
    if (value === null) return;
    const current = this.remembered(operatorId);
    if (current?.fileName === value.fileName && current.path === value.path) return;
    await this.deps.db.write((w) => putSetting(w, rememberedKeyOf(operatorId), JSON.stringify(value)));
  }
}

const isKeyOpenFailure = (problem: SignerError): boolean =>
  problem.kind === 'wrong-password' || problem.kind === 'not-a-key-file' || problem.kind === 'no-private-key';

/** The key file's bytes, or null when it is gone, unreadable or too large to be a key file. */
async function readKeyFile(file: string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(file);
    return bytes.length > 0 && bytes.length <= MAX_KEY_FILE_BYTES ? new Uint8Array(bytes) : null;
  } catch {
    return null;
  }
}
