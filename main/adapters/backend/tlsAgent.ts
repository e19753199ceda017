import { checkServerIdentity as checkHostName, type PeerCertificate } from 'node:tls';
import { Agent } from 'undici';
import { spkiPin } from './spkiPin';
import { PIN_MISMATCH_CODE } from './tlsFailureReason';

export interface BackendTlsOptions {
  /**
   * PEM bundle of the CAs trusted for the backend; null = Node's default trust store (the
   * Mozilla roots). When given, ONLY these certificates are trusted (like `curl --cacert`).
   */
  readonly caPem: string | null;
  /**
   * `sha256/<base64>` of a certificate's SubjectPublicKeyInfo (DER). When any are given, at least
   * one certificate of the server's chain (leaf or any issuer) must match, after the normal chain
   * and host-name checks.
   */
  readonly pins: readonly string[];
}

/** Idle keep-alive sockets: under the reference backend's 10 s keep-alive, so a socket the server is about to close is not reused. */
const KEEP_ALIVE_MS = 4_000;

export interface TlsAgentExtras {
  /** Sees the leaf (with its issuers attached) of every connection that passed all checks. */
  readonly onVerifiedPeer?: (leaf: PeerCertificate) => void;
  /** 0 for a one-off probe, so its connection does a full handshake (and the checks run). */
  readonly maxCachedSessions?: number;
}

/**
 * An undici agent that trusts the backend only as `tls` says. `ca` replaces the default roots
 * when given. Node calls `checkServerIdentity` only after OpenSSL verified the chain (and not on
 * a resumed session, which only a verified connection of this agent can have created), with the
 * chain as Node completed it from the trust store: a pinned root the server does not send still matches.
 */
export function createTlsAgent(tls: BackendTlsOptions, extras: TlsAgentExtras = {}): Agent {
  const pins = new Set(tls.pins);
  return new Agent({
    keepAliveTimeout: KEEP_ALIVE_MS,
    connect: {
      ...(tls.caPem === null ? {} : { ca: tls.caPem }),
      ...(extras.maxCachedSessions === undefined ? {} : { maxCachedSessions: extras.maxCachedSessions }),
      checkServerIdentity: (hostname: string, cert: PeerCertificate): Error | undefined => {
        const hostProblem = checkHostName(hostname, cert);
        if (hostProblem) return hostProblem;
        if (pins.size > 0 && !chainOf(cert).some((c) => pins.has(spkiPin(c.raw)))) {
          return Object.assign(new Error('No certificate of the server chain matches a configured pin'), { code: PIN_MISMATCH_CODE });
        }
        extras.onVerifiedPeer?.(cert);
        return undefined;
      },
    },
  });
}

/** The leaf, then each issuer Node attached (`getPeerCertificate(true)`), up to the self-signed root (which names itself). */
function chainOf(leaf: PeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  const seen = new Set<string>();
  let current: PeerCertificate | undefined = leaf;
  while (current?.raw !== undefined && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(current);
    current = (current as Partial<{ issuerCertificate: PeerCertificate }>).issuerCertificate;
  }
  return chain;
}
