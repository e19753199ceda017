import { timingSafeEqual } from 'node:crypto';

/** Content-Security-Policy for the renderer in both hosts: only our own scripts, no plugins, no framing by others; frames only of our own blob: URLs (receipt printing). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  // The receipt PDF is printed from a hidden iframe on a blob: URL our own script made (renderer/features/receipts).
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const TOKEN_HEADER = 'x-workstation-token';

export interface RpcRequestHeaders {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly token: string | undefined;
  readonly contentType: string | undefined;
}

export type RpcRejection = 'bad-host' | 'bad-origin' | 'bad-token' | 'bad-content-type';

/**
 * The browser host's equivalent of Electron's IPC sender check. A call is ours only if it is
 * addressed to our loopback host (defeats DNS rebinding), comes from our origin (defeats other
 * pages on this machine), carries this launch's token, and is JSON (forces a CORS preflight,
 * which we never answer, for any cross-origin attempt).
 */
export function checkRpcRequest(headers: RpcRequestHeaders, expected: { port: number; token: string }): RpcRejection | null {
  const allowedHosts = [`127.0.0.1:${expected.port}`, `localhost:${expected.port}`];
  if (!headers.host || !allowedHosts.includes(headers.host)) return 'bad-host';
  if (!headers.origin || !allowedHosts.map((h) => `http://${h}`).includes(headers.origin)) return 'bad-origin';
  if (!headers.token || !sameSecret(headers.token, expected.token)) return 'bad-token';
  if (!headers.contentType?.toLowerCase().startsWith('application/json')) return 'bad-content-type';
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
