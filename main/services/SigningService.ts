// The operator's EDS as a use case (docs/ARCHITECTURE.md, "Signing"): which key, is it theirs and
// valid today, and the signature over the bytes SubmissionsService hands in. Passwords and key bytes
// live for one call.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { NotSignedIn } from '../../core/contract/common';
import {
  MAX_KEY_FILE_BYTES,
  type KeyInspection,
  type KeyOpenProblem,
  type KeySource,
  type RememberedKey,
  type RevocationListStatus,
  type SigningApi,
  type SigningMethod,
  type SigningRefusal,
} from '../../core/contract/signing';
import type { CrlInfo } from '../../core/pki/crl';
import { err, ok, type Result } from '../../core/result';
import { checkSigningCertificate } from '../../core/signing/certificateRules';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';
import type { Clock } from '../ports/Clock';
import type { AgentSigner, Signature, Signer, SignerError, SignPolicy } from '../ports/Signer';
import { judgeCertificate } from '../signing/certificateAssessment';
import type { RevocationListCache, StaleRevocationList } from '../signing/RevocationListCache';
import type { SigningPki } from '../signing/signingPki';
import { cardView, problemView, signerProblemView } from '../signing/signingViews';
import type { OperatorSession } from './OperatorSession';

export interface SigningServiceDeps {
  readonly db: SqlJsDatabase;
  readonly session: OperatorSession;
  readonly keyFileSigner: Signer;
  /** NCALayer; null where the workstation is configured without it. */
  readonly agentSigner: AgentSigner | null;
  /** The signature suite, the verified-signature memo and the trusted CAs. */
  readonly pki: SigningPki;
  readonly revocationList: RevocationListCache;
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
    const certificate = this.deps.keyFileSigner.certificateOf(source.value.bytes, password);
    if (!certificate.ok) return err({ kind: certificate.error.kind });
    const judged = this.judge(certificate.value, this.policyFor(operator.iin, await this.deps.revocationList.current()));
    if (judged === null) return err({ kind: 'not-a-key-file' });
    await this.remember(operator.operatorId, source.value.remember);
    return ok(judged);
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
   * A refusal carries the key's card where the key was read (NCALayer's key: the operator never chose a file).
   */
  async sign(method: SigningMethod, data: Uint8Array): Promise<Result<Signature, NotSignedIn | SigningRefusal>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const operator = active.value.operator;
    const crl = await this.deps.revocationList.current();
    const policy = this.policyFor(operator.iin, crl);
    const refuse = (problem: SigningRefusal['problem'], card: SigningRefusal['card'] = null) => err<SigningRefusal>({ kind: 'signing-failed', problem, card });

    if (method.kind === 'ncalayer') {
      if (this.deps.agentSigner === null) return refuse({ kind: 'agent-unavailable' });
      const signed = await this.deps.agentSigner.sign(data, policy);
      if (signed.ok) return signed;
      const error = signed.error;
      if (error.kind !== 'certificate-refused') return refuse(error);
      const card = cardView(error.card);
      if (error.problem.kind === 'revocation-unknown' && !crl.ok) return refuse(crl.error, card);
      return refuse(problemView(error.problem), card);
    }

    const source = await this.keyBytes(operator.operatorId, method.key);
    if (!source.ok) return refuse(source.error);
    if (!crl.ok) {
      // Nothing is signed on a stale list; the key is still opened to name any problem of its own first.
      const certificate = this.deps.keyFileSigner.certificateOf(source.value.bytes, method.password);
      if (!certificate.ok) return refuse(signerProblemView(certificate.error));
      await this.remember(operator.operatorId, source.value.remember);
      const judged = this.judge(certificate.value, policy);
      return refuse(judged?.problem ?? crl.error, judged?.card ?? null);
    }
    // One opening of the key: `sign` checks the certificate itself before it signs.
    const signed = this.deps.keyFileSigner.sign(source.value.bytes, method.password, data, policy);
    if (signed.ok || !isKeyOpenFailure(signed.error)) await this.remember(operator.operatorId, source.value.remember);
    return signed.ok ? signed : refuse(signerProblemView(signed.error));
  }

  /** The rules' inputs for now; a stale list is carried along so its problem can be named. */
  private policyFor(operatorIin: string, crl: Result<readonly CrlInfo[], StaleRevocationList>): SignPolicy & { readonly staleList?: StaleRevocationList } {
    const base = { operatorIin, now: this.deps.clock.now(), pki: this.deps.pki };
    return crl.ok ? { ...base, crls: crl.value } : { ...base, crls: null, staleList: crl.error };
  }

  /** The certificate's card and its first problem today, judged as the signing rules will judge it; null when it cannot be read. */
  private judge(certificateDer: Uint8Array, policy: SignPolicy & { readonly staleList?: StaleRevocationList }): KeyInspection | null {
    const judged = judgeCertificate(certificateDer, policy);
    if (!judged.ok) return null;
    const { assessment } = judged.value;
    const card = cardView(assessment.card);
    if (policy.crls === null && policy.staleList) {
      // Judge everything else first: "this is not your key" helps more than "the list is old".
      const other = checkSigningCertificate({ ...assessment.description, revoked: false }, policy);
      return { card, problem: other.ok ? policy.staleList : problemView(other.error) };
    }
    return { card, problem: judged.value.problem === null ? null : problemView(judged.value.problem) };
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
