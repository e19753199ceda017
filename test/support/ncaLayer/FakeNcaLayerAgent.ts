// A stand-in for NCALayer in tests: speaks the documented protocol (docs/domain/pki.md) on 127.0.0.1
// and really signs — with a test PKCS#12 RSA key, or with a GOST 2015-512 / GOST 34.310-2004 / GOST
// 2015-256 test key (test/support/testPki/gost), adding an RFC 3161 token from a test TSA when the
// request asks for one (tsaProfile). It answers `basics.sign` the ways NCALayer does: a PEM string, a
// one-element array, or `{signatures, certificate}` (outputCert). It skips every certificate check on
// purpose, so the workstation's own checks can be shown to refuse expired, revoked, foreign or
// AUTH-only keys the agent happily used. Test code only: never point a workstation at it in production.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { BASICS_MODULE, COMMON_UTILS_MODULE } from '../../../main/signing/ncaLayer/protocol';
import { openKeyFile } from '../../../main/signing/pkcs12KeyFile';
import { makeDetachedCms } from '../../../main/signing/rsaDetachedCms';
import type { IssuedCertificate } from '../testPki/gost/gostCertificates';
import { signDetachedGost } from '../testPki/gost/gostCms';
import type { TestTsa } from '../testPki/gost/gostTimestamp';

export type FakeAgentKey =
  /** A PKCS#12 RSA key file. */
  | { readonly p12: Uint8Array; readonly password: string }
  /** A GOST test key and, optionally, the TSA that stamps its signatures when asked. */
  | { readonly gost: IssuedCertificate; readonly tsa?: TestTsa };

/** How the basics `sign` result is wrapped: PEM (what NCALayer sends), bare Base64, a one-element array, or outputCert. */
export type FakeAgentOutput = 'pem' | 'base64' | 'array' | 'outputCert';

export type FakeAgentMode =
  /** Signs with `key` when the request pins `operatorIin` (like the real agent offering only that owner's keys). */
  | { readonly mode: 'sign'; readonly key: FakeAgentKey; readonly operatorIin: string; readonly output?: FakeAgentOutput }
  | { readonly mode: 'cancel' }
  | { readonly mode: 'error' }
  | { readonly mode: 'no-handshake' }
  /** An agent without the basics bundle: only commonUtils.createCAdESFromBase64 works (or is cancelled). */
  | { readonly mode: 'legacy-only'; readonly key: FakeAgentKey; readonly cancel?: boolean }
  /** Signs other bytes than it was given. */
  | { readonly mode: 'tamper'; readonly key: FakeAgentKey }
  /** Answers with these bytes as the CMS (Base64), whatever it was asked: garbage, truncated or hostile DER. */
  | { readonly mode: 'reply'; readonly cmsBase64: string }
  | { readonly mode: 'slow' };

export type FakeAgentTls = { readonly certPem: string; readonly keyPem: string };

const basicsSignArgs = z.object({
  format: z.literal('cms'),
  data: z.string(),
  signingParams: z.object({ decode: z.literal(true), encapsulate: z.literal(false), tsaProfile: z.object({}).optional() }),
  signerParams: z.object({ iin: z.string().optional() }),
});
const legacySignArgs = z.tuple([z.string(), z.string(), z.string(), z.literal(false)]);
const requestSchema = z.object({ module: z.string(), method: z.string(), args: z.unknown() });

const INVOCATION_ERROR = { status: false, code: 'INVOCATION_ERROR', message: 'An invoked method threw an exception.' };

function sign(key: FakeAgentKey, dataBase64: string, timestamp: boolean): string {
  const data = Uint8Array.from(Buffer.from(dataBase64, 'base64'));
  if ('gost' in key) {
    const cms = signDetachedGost(key.gost, data, timestamp && key.tsa !== undefined ? { tsa: key.tsa } : {});
    return Buffer.from(cms).toString('base64');
  }
  const opened = openKeyFile(key.p12, key.password);
  if (!opened.ok) throw new Error(`fake agent: cannot open its key (${opened.error.kind})`);
  return Buffer.from(makeDetachedCms(opened.value, data, new Date())).toString('base64');
}

const pem = (label: string, base64: string): string => `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

function certificateBase64(key: FakeAgentKey): string | null {
  if ('gost' in key) return Buffer.from(key.gost.der).toString('base64');
  const opened = openKeyFile(key.p12, key.password);
  return opened.ok ? Buffer.from(opened.value.certificateDer).toString('base64') : null;
}

function basicsResult(base64: string, output: FakeAgentOutput, key: FakeAgentKey): unknown {
  switch (output) {
    case 'pem':
      return pem('CMS', base64);
    case 'base64':
      return base64;
    case 'array':
      return [pem('CMS', base64)];
    case 'outputCert': {
      const certificate = certificateBase64(key);
      return { signatures: [pem('CMS', base64)], ...(certificate === null ? {} : { certificate: pem('CERTIFICATE', certificate) }) };
    }
  }
}

export class FakeNcaLayerAgent {
  /** Every request received, parsed, in order. */
  readonly requests: unknown[] = [];

  private constructor(
    private readonly server: WebSocketServer,
    private readonly httpsServer: Server | null,
    readonly url: string,
    private behaviour: FakeAgentMode,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1 on a free port: ws:// by default, wss:// with `tls`. */
  static async start(behaviour: FakeAgentMode, options: { tls?: FakeAgentTls } = {}): Promise<FakeNcaLayerAgent> {
    if (options.tls !== undefined) {
      const httpsServer = createServer({ cert: options.tls.certPem, key: options.tls.keyPem });
      await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve));
      const { port } = httpsServer.address() as AddressInfo;
      return new FakeNcaLayerAgent(new WebSocketServer({ server: httpsServer }), httpsServer, `wss://127.0.0.1:${port}/`, behaviour);
    }
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeNcaLayerAgent(server, null, `ws://127.0.0.1:${port}/`, behaviour);
  }

  /** What the agent does from the next request on: another key, another failure (the operator plugged another token in). */
  use(behaviour: FakeAgentMode): void {
    this.behaviour = behaviour;
  }

  /** Connections the agent still has open (a client that gave up must have hung up). */
  get openConnections(): number {
    return [...this.server.clients].filter((client) => client.readyState === client.OPEN).length;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.httpsServer !== null) {
      const server = this.httpsServer;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private accept(socket: WebSocket): void {
    socket.on('error', () => undefined); // a client hanging up mid-frame is not the fake's problem
    if (this.behaviour.mode !== 'no-handshake') socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', (raw) => {
      let request: unknown;
      try {
        request = JSON.parse(raw.toString()) as unknown;
      } catch {
        socket.send(JSON.stringify({ ...INVOCATION_ERROR, details: 'org.json.JSONException: not JSON' }));
        return;
      }
      this.requests.push(request);
      const reply = this.answer(request);
      if (reply !== undefined) socket.send(JSON.stringify(reply));
    });
  }

  /** The reply to one request; undefined = never answer. */
  private answer(request: unknown): unknown {
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) return { ...INVOCATION_ERROR, details: 'org.json.JSONException: no module' };
    const { module, method, args } = parsed.data;
    if (module === BASICS_MODULE && method === 'sign') return this.answerBasics(args);
    if (module === COMMON_UTILS_MODULE && method === 'createCAdESFromBase64') return this.answerLegacy(args);
    return { ...INVOCATION_ERROR, details: `Unknown module ${module}` };
  }

  private answerBasics(rawArgs: unknown): unknown {
    const behaviour = this.behaviour;
    switch (behaviour.mode) {
      case 'slow':
      case 'no-handshake':
        return undefined;
      case 'cancel':
        return { status: true, body: {} };
      case 'error':
        return { ...INVOCATION_ERROR, details: 'kz.gov.pki.knca.KncaException: storage error' };
      case 'legacy-only':
        return { status: false, code: 'MODULE_NOT_FOUND', message: `Module ${BASICS_MODULE} not found` };
      case 'reply':
        return { status: true, body: { result: pem('CMS', behaviour.cmsBase64) } };
      case 'sign':
      case 'tamper': {
        const args = basicsSignArgs.safeParse(rawArgs);
        if (!args.success) return { ...INVOCATION_ERROR, details: 'org.json.JSONException: bad args' };
        const timestamp = args.data.signingParams.tsaProfile !== undefined;
        if (behaviour.mode === 'tamper') {
          const other = Buffer.concat([Buffer.from(args.data.data, 'base64'), Buffer.from(' ')]).toString('base64');
          return { status: true, body: { result: pem('CMS', sign(behaviour.key, other, timestamp)) } };
        }
        if (args.data.signerParams.iin !== behaviour.operatorIin) {
          return { ...INVOCATION_ERROR, details: 'kz.gov.pki.knca.KncaException: no key for signerParams.iin' };
        }
        const base64 = sign(behaviour.key, args.data.data, timestamp);
        return { status: true, body: { result: basicsResult(base64, behaviour.output ?? 'pem', behaviour.key) } };
      }
    }
  }

  private answerLegacy(rawArgs: unknown): unknown {
    const behaviour = this.behaviour;
    if (behaviour.mode !== 'legacy-only') return { code: '500', message: 'java.lang.UnsupportedOperationException' };
    const args = legacySignArgs.safeParse(rawArgs);
    if (!args.success) return { code: '500', message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: createCAdESFromBase64' };
    if (behaviour.cancel === true) return { code: '500', message: 'action.canceled' };
    return { code: '200', responseObject: sign(behaviour.key, args.data[2], false) };
  }
}
