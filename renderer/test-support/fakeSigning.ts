/**
 * The fake signing area (DESIGN.md §5), answering like main: it opens a fake key file with its
 * password, judges the certificate with core's rules against the signed-in operator's IIN and the
 * cached revocation list, remembers the file per operator (reopenable only when the host gave its
 * path), and signs for submitDraft with a key file or the NCALayer agent.
 */
import type {
  CertificateCardView,
  CertificateProblemView,
  KeyInspection,
  KeyOpenProblem,
  KeySource,
  RevocationListStatus,
  SigningApi,
  SigningMethod,
  SigningProblem,
} from '../../core/contract';
import { err, ok, type Result } from '../../core/result';
import { checkSigningCertificate } from '../../core/signing/certificateRules';
import { PSC_OPERATOR } from './fakeFixtures';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';
import { cardOf, FAKE_KEY_FILE_NAMES, FAKE_KEY_PASSWORD, FAKE_KEYS, fakeKeyNameOf, type FakeKeyName } from './fakeSigningKeys';

/** fresh: fetched this morning; stale: older than the allowed age and the backend unreachable; never-fetched: no list at all. */
export type FakeRevocationList = 'fresh' | 'stale' | 'never-fetched';

/** What NCALayer does when asked to sign: sign with one of the fake keys, or fail as the agent can. */
export type FakeAgent = { readonly kind: 'signs'; readonly key: FakeKeyName } | { readonly kind: 'unavailable' | 'cancelled' | 'error' };

export interface FakeSigningOptions {
  /** The key file main remembers for PSC_OPERATOR from an earlier session; reopenable when its path was known (Electron). */
  readonly rememberedKey?: { readonly key: FakeKeyName; readonly reopenable: boolean };
  readonly revocationList?: FakeRevocationList;
  readonly agent?: FakeAgent;
}

export interface FakeSigningController {
  setRevocationList(state: FakeRevocationList): void;
  setAgent(agent: FakeAgent): void;
  /** The USB stick with the remembered key file is pulled out: reopening it fails. */
  unplugRememberedKey(): void;
  /** What main remembers for an operator (never the password). */
  rememberedOf(operatorId: string): RememberedFile | undefined;
}

interface RememberedFile {
  readonly fileName: string;
  readonly path: string | null;
  readonly key: FakeKeyName;
}

export interface FakeSigning {
  readonly api: SigningApi;
  readonly controller: FakeSigningController;
  /** What submitDraft does before storing anything: opens the key or asks the agent, and checks the certificate. */
  /** As main: a refusal carries the card of the key NCALayer signed with, never of a key file. */
  sign(method: SigningMethod): Result<null, { readonly problem: SigningProblem; readonly card: CertificateCardView | null }>;
}

const STALE_FETCHED_AT = '2025-02-20T09:00:00.000Z';

export function createFakeSigning(main: FakeMain, options: FakeSigningOptions = {}): FakeSigning {
  let revocationList: FakeRevocationList = options.revocationList ?? 'fresh';
  let agent: FakeAgent = options.agent ?? { kind: 'signs', key: 'valid' };
  let isRememberedUnplugged = false;
  const remembered = new Map<string, RememberedFile>();
  if (options.rememberedKey) {
    const fileName = FAKE_KEY_FILE_NAMES[options.rememberedKey.key];
    const path = options.rememberedKey.reopenable ? `/media/operator/USB/${fileName}` : null;
    remembered.set(PSC_OPERATOR.operatorId, { fileName, path, key: options.rememberedKey.key });
  }

  const now = () => new Date(`${main.today}T09:10:00+05:00`);

  function revocationStatus(): RevocationListStatus {
    switch (revocationList) {
      case 'fresh':
        return { fetchedAt: `${main.today}T03:00:00.000Z`, nextUpdate: `${main.today}T15:00:00.000Z`, stale: false };
      case 'stale':
        return { fetchedAt: STALE_FETCHED_AT, nextUpdate: '2025-02-21T09:00:00.000Z', stale: true };
      case 'never-fetched':
        return { fetchedAt: null, nextUpdate: null, stale: true };
    }
  }

  function openKey(operatorId: string, source: KeySource, password: string): Result<FakeKeyName, KeyOpenProblem> {
    let name: FakeKeyName | null;
    if (source.kind === 'remembered') {
      const file = remembered.get(operatorId);
      if (!file || file.path === null || isRememberedUnplugged) return err({ kind: 'key-file-unavailable' });
      name = file.key;
    } else {
      name = fakeKeyNameOf(source.bytesBase64);
      if (name === null) return err({ kind: 'not-a-key-file' });
    }
    if (password !== FAKE_KEY_PASSWORD) return err({ kind: 'wrong-password' });
    if (!FAKE_KEYS[name].hasPrivateKey) return err({ kind: 'no-private-key' });
    if (source.kind === 'file') {
      remembered.set(operatorId, { fileName: source.fileName, path: source.path, key: name });
      if (source.path !== null) isRememberedUnplugged = false;
    }
    return ok(name);
  }

  /**
   * core's rules. Without a current revocation list main judges everything else first ("this is not
   * your key" helps more than "the list is old"), then reports the list as stale.
   */
  function certificateProblem(name: FakeKeyName, operatorIin: string): CertificateProblemView | null {
    const status = revocationStatus();
    const description = FAKE_KEYS[name].description;
    const checked = checkSigningCertificate({ ...description, revoked: status.stale ? false : description.revoked }, { operatorIin, now: now() });
    if (checked.ok) return status.stale ? { kind: 'revocation-list-stale', fetchedAt: status.fetchedAt } : null;
    const problem = checked.error;
    switch (problem.kind) {
      case 'not-yet-valid':
        return { kind: 'not-yet-valid', notBefore: problem.notBefore.toISOString() };
      case 'expired':
        return { kind: 'expired', notAfter: problem.notAfter.toISOString() };
      case 'unsupported-algorithm':
        return { kind: 'unsupported-algorithm', algorithm: problem.oid };
      case 'revocation-unknown':
      case 'untrusted-issuer':
      case 'issuer-not-valid':
      case 'chain-loop':
      case 'revoked':
      case 'not-a-signing-key':
      case 'iin-mismatch':
        return problem;
    }
  }

  const api: SigningApi = {
    async rememberedKey() {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const file = remembered.get(operator.operatorId);
      return ok(file ? { fileName: file.fileName, reopenable: file.path !== null } : null);
    },
    async inspectKey(source, password) {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const opened = openKey(operator.operatorId, source, password);
      if (!opened.ok) return opened;
      const inspection: KeyInspection = { card: cardOf(FAKE_KEYS[opened.value]), problem: certificateProblem(opened.value, operator.iin) };
      return ok(inspection);
    },
    async revocationStatus() {
      return main.operator() ? ok(revocationStatus()) : err(NOT_SIGNED_IN);
    },
  };

  return {
    api,
    controller: {
      setRevocationList: (state) => void (revocationList = state),
      setAgent: (next) => void (agent = next),
      unplugRememberedKey: () => void (isRememberedUnplugged = true),
      rememberedOf: (operatorId) => remembered.get(operatorId),
    },
    sign(method) {
      const operator = main.operator();
      if (!operator) throw new Error('sign() without an operator: submitDraft checks the session first');
      let name: FakeKeyName;
      if (method.kind === 'ncalayer') {
        if (agent.kind !== 'signs') return err({ problem: { kind: `agent-${agent.kind}` }, card: null });
        name = agent.key;
      } else {
        const opened = openKey(operator.operatorId, method.key, method.password);
        if (!opened.ok) return err({ problem: opened.error, card: null });
        name = opened.value;
      }
      const problem = certificateProblem(name, operator.iin);
      if (problem === null) return ok(null);
      return err({ problem, card: method.kind === 'ncalayer' ? cardOf(FAKE_KEYS[name]) : null });
    },
  };
}
