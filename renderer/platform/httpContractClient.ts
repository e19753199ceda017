import { createContractClient, type WorkstationApi } from '../../core/contract/methods';

/**
 * Thrown when the browser host refuses or fails a call (non-200, unreadable body) or cannot be
 * reached: a bug or a lost host, never an operator error, so it goes to the error boundary.
 */
export class WorkstationHostError extends Error {
  override readonly name = 'WorkstationHostError';
}

export interface HttpContractClientOptions {
  readonly token: string | null;
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
}

function isResultEnvelope(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * The WorkstationApi over the browser host's RPC: `POST /rpc/<area>/<method>` with `{ args }`.
 * A 200 answer's body is the method's Result; anything else throws WorkstationHostError.
 */
export function createHttpContractClient({ token, fetch }: HttpContractClientOptions): WorkstationApi {
  return createContractClient(async (area, method, args) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) headers['X-Workstation-Token'] = token;
    const response = await fetch(`/rpc/${area}/${method}`, { method: 'POST', headers, body: JSON.stringify({ args }) });
    if (response.status !== 200) {
      throw new WorkstationHostError(`${area}.${method}: the workstation service answered HTTP ${response.status}`);
    }
    const body: unknown = await response.json();
    if (!isResultEnvelope(body)) throw new WorkstationHostError(`${area}.${method}: the answer is not a Result`);
    return body;
  });
}
