// A stand-in for NCALayer in tests and local development: speaks the documented protocol
// (kz-domain.md §2) on 127.0.0.1 and really signs with a test PKCS#12 key. It skips every
// certificate check on purpose, so the workstation's own checks can be shown to refuse expired,
// revoked, foreign or AUTH-only keys the agent happily used. Never point a workstation at it in
// production.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { makeDetachedCms } from '../forgeDetachedCms';
import { openKeyFile } from '../pkcs12KeyFile';
import { BASICS_MODULE, COMMON_UTILS_MODULE } from './protocol';

export type FakeAgentKey = { readonly p12: Uint8Array; readonly password: string };

/** How the basics `sign` result is wrapped: PEM (what NCALayer sends), bare Base64, or outputCert. */
export type FakeAgentOutput = 'pem' | 'base64' | 'outputCert';

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
  | { readonly mode: 'slow' };

export type FakeAgentTls = { readonly certPem: string; readonly keyPem: string };

const basicsSignArgs = z.object({
  format: z.literal('cms'),
  data: z.string(),
  signingParams: z.object({ decode: z.literal(true), encapsulate: z.literal(false) }),
  signerParams: z.object({ iin: z.string().optional() }),
});
const legacySignArgs = z.tuple([z.string(), z.string(), z.string(), z.literal(false)]);
const requestSchema = z.object({ module: z.string(), method: z.string(), args: z.unknown() });

const INVOCATION_ERROR = { status: false, code: 'INVOCATION_ERROR', message: 'An invoked method threw an exception.' };

function sign(key: FakeAgentKey, dataBase64: string): string {
  const opened = openKeyFile(key.p12, key.password);
  if (!opened.ok) throw new Error(`fake agent: cannot open its key (${opened.error.kind})`);
  const cms = makeDetachedCms(opened.value, Uint8Array.from(Buffer.from(dataBase64, 'base64')), new Date());
  return Buffer.from(cms).toString('base64');
}

function armour(base64: string): string {
  return `-----BEGIN CMS-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CMS-----\n`;
}

function basicsResult(base64: string, output: FakeAgentOutput, key: FakeAgentKey): unknown {
  if (output === 'pem') return armour(base64);
  if (output === 'base64') return base64;
  const opened = openKeyFile(key.p12, key.password);
  return { signatures: [armour(base64)], certificate: opened.ok ? opened.value.certificatePem : null };
}

export class FakeNcaLayerAgent {
  /** Every request received, parsed, in order. */
  readonly requests: unknown[] = [];

  private constructor(
    private readonly server: WebSocketServer,
    private readonly httpsServer: Server | null,
    readonly url: string,
    private readonly behaviour: FakeAgentMode,
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
      case 'sign':
      case 'tamper': {
        const args = basicsSignArgs.safeParse(rawArgs);
        if (!args.success) return { ...INVOCATION_ERROR, details: 'org.json.JSONException: bad args' };
        if (behaviour.mode === 'tamper') {
          const other = Buffer.concat([Buffer.from(args.data.data, 'base64'), Buffer.from(' ')]).toString('base64');
          return { status: true, body: { result: armour(sign(behaviour.key, other)) } };
        }
        if (args.data.signerParams.iin !== behaviour.operatorIin) {
          return { ...INVOCATION_ERROR, details: 'kz.gov.pki.knca.KncaException: no key for signerParams.iin' };
        }
        const base64 = sign(behaviour.key, args.data.data);
        return { status: true, body: { result: basicsResult(base64, behaviour.output ?? 'pem', behaviour.key) } };
      }
    }
  }

  private answerLegacy(rawArgs: unknown): unknown {
    if (this.behaviour.mode !== 'legacy-only') return { code: '500', message: 'java.lang.UnsupportedOperationException' };
    const args = legacySignArgs.safeParse(rawArgs);
    if (!args.success) return { code: '500', message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: createCAdESFromBase64' };
    if (this.behaviour.cancel === true) return { code: '500', message: 'action.canceled' };
    return { code: '200', responseObject: sign(this.behaviour.key, args.data[2]) };
  }
}
