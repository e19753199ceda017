// One WebSocket connection to the signing agent. NCALayer's frames carry no request id and replies
// are matched by order (kz-domain.md §2.1), so a session has at most one request in flight.
import WebSocket from 'ws';
import { handshakeSchema } from './protocol';

export type AgentEndpoint = {
  readonly url: string;
  readonly connectTimeoutMs: number;
  readonly tls?: { readonly caPem?: string; readonly rejectUnauthorized?: boolean };
};

/** Replies are a few kilobytes of CMS; anything far larger is not a reply to us. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** 'too-large': the reply exceeded MAX_FRAME_BYTES and ws dropped the connection unread. */
export type RequestFailure = 'closed' | 'not-json' | 'too-large';

/** ws's error code for a frame over maxPayload; the connection then closes. */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

function parseFrame(raw: WebSocket.RawData, isBinary: boolean): unknown {
  if (isBinary) throw new Error('binary frame');
  const text = Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8');
  return JSON.parse(text) as unknown;
}

export class AgentSession {
  private busy = false;
  private frameTooLarge = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === FRAME_TOO_LARGE) this.frameTooLarge = true;
    });
  }

  /**
   * Connected and greeted with `{"result":{"version":…}}` within `connectTimeoutMs`, or null:
   * refused, TLS rejected, no upgrade, no or wrong greeting, or `signal` aborted. Closing the
   * session or aborting `signal` later drops the connection.
   */
  static open(endpoint: AgentEndpoint, signal: AbortSignal): Promise<AgentSession | null> {
    return new Promise((resolve) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(endpoint.url, {
          handshakeTimeout: endpoint.connectTimeoutMs,
          perMessageDeflate: false,
          maxPayload: MAX_FRAME_BYTES,
          rejectUnauthorized: endpoint.tls?.rejectUnauthorized ?? true,
          ...(endpoint.tls?.caPem === undefined ? {} : { ca: endpoint.tls.caPem }),
        });
      } catch {
        resolve(null); // a URL ws cannot use reaches no agent
        return;
      }
      // ws re-emits transport errors on the socket and an unheard 'error' would throw; 'close' always
      // follows and is what the session acts on.
      socket.on('error', () => undefined);
      const settle = (session: AgentSession | null): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', fail);
        socket.off('close', fail);
        socket.off('message', onGreeting);
        if (session === null) socket.terminate();
        else signal.addEventListener('abort', () => session.close(), { once: true });
        resolve(session);
      };
      const fail = (): void => settle(null);
      const onGreeting = (raw: WebSocket.RawData, isBinary: boolean): void => {
        let greeting: unknown;
        try {
          greeting = parseFrame(raw, isBinary);
        } catch {
          fail();
          return;
        }
        settle(handshakeSchema.safeParse(greeting).success ? new AgentSession(socket) : null);
      };
      const timer = setTimeout(fail, endpoint.connectTimeoutMs);
      socket.on('close', fail);
      socket.on('message', onGreeting);
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
  }

  /** The agent's reply as parsed JSON; 'closed' when the connection drops first (or was aborted). */
  request(message: object): Promise<{ ok: true; reply: unknown } | { ok: false; failure: RequestFailure }> {
    if (this.busy) throw new Error('AgentSession: one request at a time (replies are matched by order)');
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, failure: 'closed' });
    this.busy = true;
    return new Promise((resolve) => {
      const finish = (outcome: { ok: true; reply: unknown } | { ok: false; failure: RequestFailure }): void => {
        this.busy = false;
        this.socket.off('message', onMessage);
        this.socket.off('close', onClose);
        resolve(outcome);
      };
      const onClose = (): void => finish({ ok: false, failure: this.frameTooLarge ? 'too-large' : 'closed' });
      const onMessage = (raw: WebSocket.RawData, isBinary: boolean): void => {
        try {
          finish({ ok: true, reply: parseFrame(raw, isBinary) });
        } catch {
          finish({ ok: false, failure: 'not-json' });
        }
      };
      this.socket.on('message', onMessage);
      this.socket.on('close', onClose);
      this.socket.send(JSON.stringify(message));
    });
  }

  close(): void {
    this.socket.terminate();
  }
}
