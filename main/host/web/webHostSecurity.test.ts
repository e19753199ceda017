import { describe, expect, it } from 'vitest';
import { checkRpcRequest } from './webHostSecurity';

const expected = { port: 8780, token: 'launch-token-abc' };
const good = { host: '127.0.0.1:8780', origin: 'http://127.0.0.1:8780', token: 'launch-token-abc', contentType: 'application/json' };

describe('checkRpcRequest', () => {
  it('accepts our page calling our host with the launch token', () => {
    expect(checkRpcRequest(good, expected)).toBeNull();
    expect(checkRpcRequest({ ...good, host: 'localhost:8780', origin: 'http://localhost:8780' }, expected)).toBeNull();
  });

  it('refuses each way a foreign caller differs', () => {
    expect(checkRpcRequest({ ...good, host: 'attacker.example:8780' }, expected)).toBe('bad-host');
    expect(checkRpcRequest({ ...good, origin: undefined }, expected)).toBe('bad-origin');
    expect(checkRpcRequest({ ...good, origin: 'http://127.0.0.1:9999' }, expected)).toBe('bad-origin');
    expect(checkRpcRequest({ ...good, token: undefined }, expected)).toBe('bad-token');
    expect(checkRpcRequest({ ...good, token: 'launch-token-abd' }, expected)).toBe('bad-token');
    expect(checkRpcRequest({ ...good, contentType: 'text/plain' }, expected)).toBe('bad-content-type');
  });
});
