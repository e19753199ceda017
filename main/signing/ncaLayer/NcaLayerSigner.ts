// Signs through NCALayer, НУЦ РК's local signing agent (docs/domain/pki.md): for GOST keys and
// hardware tokens the workstation never sees. The agent is not trusted: what it returns is verified
// in full by core/pki — a detached CMS over exactly these bytes whose signature verifies (RSA, GOST
// 34.310-2004 or GOST 2015) — and its certificate goes through the same rules as Pkcs12Signer's.
// Nothing here logs: the data is citizen data and the certificate identifies the operator.
import { err, ok, type Result } from '../../../core/result';
import { verifyDetachedSignature } from '../../../core/pki/detachedSignature';
import type { AgentSignError, Signature, SignPolicy } from '../../ports/Signer';
import { judge } from '../certificateAssessment';
import { AgentSession, type AgentEndpoint } from './AgentSession';
import { basicsSignRequest, decodeArmoured, interpretBasicsReply, interpretLegacyReply, legacySignRequest, type Locale, type SignReply } from './protocol';

/**
 * - `agent-unavailable`: not running / not reachable / TLS refused / no greeting — start NCALayer.
 * - `agent-cancelled`: the operator closed the agent's dialog.
 * - `agent-error`: the agent reported a failure, sent something unintelligible, dropped the
 *   connection or did not finish within `timeoutMs` — retrying may help.
 * - `signature-invalid`: the agent claimed success but what came back is not a valid detached
 *   signature of this application (wrong bytes, bad signature, wrong digest for its key, attached,
 *   malformed), with the reason. Kept apart from `agent-error` because retrying will not fix it and
 *   it may mean a tampered agent: the operator should not sign through it and should call support.
 * - `certificate-refused`: a valid signature by a key that may not sign (expired, revoked, another
 *   person's…), with the key's card.
 */
export type NcaLayerSignError = AgentSignError;

export type NcaLayerSignerOptions = AgentEndpoint & {
  /** The whole operation, including the operator choosing a key and typing its password in the agent. */
  readonly timeoutMs: number;
  readonly locale: () => Locale;
  /** Ask NCALayer for an RFC 3161 timestamp (tsaProfile); it needs НУЦ's TSA, i.e. the network. */
  readonly timestamp?: boolean;
};

type AgentSignature = { cmsDer: Uint8Array; certificatesDer: Uint8Array[] };
type Exchange = Result<AgentSignature, NcaLayerSignError>;

function signedOrError(reply: SignReply): Exchange {
  switch (reply.kind) {
    case 'signed': {
      const cmsDer = decodeArmoured(reply.cmsText);
      if (cmsDer === null) return err({ kind: 'signature-invalid', reason: 'malformed' });
      const certificate = reply.certificateText === null ? null : decodeArmoured(reply.certificateText);
      return ok({ cmsDer, certificatesDer: certificate === null ? [] : [certificate] });
    }
    case 'cancelled':
      return err({ kind: 'agent-cancelled' });
    case 'module-missing':
    case 'failed':
      return err({ kind: 'agent-error' });
  }
}

export class NcaLayerSigner {
  constructor(private readonly options: NcaLayerSignerOptions) {}

  async sign(data: Uint8Array, policy: SignPolicy): Promise<Result<Signature, NcaLayerSignError>> {
    const exchanged = await this.exchange(data, policy.operatorIin);
    if (!exchanged.ok) return exchanged;
    const { cmsDer, certificatesDer } = exchanged.value;
    const cms = verifyDetachedSignature(cmsDer, data, { suite: policy.pki.suite, memo: policy.pki.memo, extraCertificatesDer: certificatesDer });
    if (!cms.ok) return err({ kind: 'signature-invalid', reason: cms.error.kind });
    const { assessment, problem } = judge(cms.value.signer, policy, cms.value.otherCertificates.filter((certificate) => certificate.isCa));
    if (problem !== null) return err({ kind: 'certificate-refused', problem, card: assessment.card });
    return ok({ cmsDer });
  }

  /** Connect, ask, fall back to the older API when the agent lacks the basics module, always hang up. */
  private async exchange(data: Uint8Array, operatorIin: string): Promise<Exchange> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    const session = await AgentSession.open(this.options, deadline.signal);
    try {
      if (session === null) return err({ kind: deadline.signal.aborted ? 'agent-error' : 'agent-unavailable' });
      const dataBase64 = Buffer.from(data).toString('base64');
      const basics = await session.request(basicsSignRequest(dataBase64, operatorIin, this.options.locale(), this.options.timestamp === true));
      if (!basics.ok) return err(basics.failure === 'too-large' ? { kind: 'signature-invalid', reason: 'too-large' } : { kind: 'agent-error' });
      const reply = interpretBasicsReply(basics.reply);
      if (reply.kind !== 'module-missing') return signedOrError(reply);
      // The legacy call cannot pin the operator's IIN; the certificate check after signing refuses
      // anyone else's key.
      const legacy = await session.request(legacySignRequest(dataBase64));
      return legacy.ok ? signedOrError(interpretLegacyReply(legacy.reply)) : err({ kind: 'agent-error' });
    } finally {
      clearTimeout(timer);
      session?.close();
    }
  }
}
