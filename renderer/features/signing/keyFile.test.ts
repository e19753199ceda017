import { describe, expect, it } from 'vitest';
import { keySourceSchema, MAX_KEY_FILE_BYTES as CONTRACT_MAX_KEY_FILE_BYTES } from '../../../core/contract/signing';
import { checkKeyFileBeforeReading, MAX_KEY_FILE_BYTES } from './keyFile';

describe('key file limits', () => {
  it('are the contract’s', () => {
    expect(MAX_KEY_FILE_BYTES).toBe(CONTRACT_MAX_KEY_FILE_BYTES);
    expect(MAX_KEY_FILE_BYTES).toBe(64 * 1024);
  });

  it('let through the largest file the contract accepts, and nothing larger', () => {
    expect(checkKeyFileBeforeReading({ name: 'operator.p12', sizeBytes: MAX_KEY_FILE_BYTES })).toBeNull();
    const largest = btoa('x'.repeat(MAX_KEY_FILE_BYTES));
    expect(keySourceSchema.safeParse({ kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: largest }).success).toBe(true);
    expect(checkKeyFileBeforeReading({ name: 'scan.pdf', sizeBytes: MAX_KEY_FILE_BYTES + 1 })).toEqual({
      kind: 'too-large',
      fileName: 'scan.pdf',
      sizeBytes: MAX_KEY_FILE_BYTES + 1,
      maxBytes: MAX_KEY_FILE_BYTES,
    });
  });

  it('refuses an empty file before reading it', () => {
    expect(checkKeyFileBeforeReading({ name: 'empty.p12', sizeBytes: 0 })).toEqual({ kind: 'empty', fileName: 'empty.p12' });
  });
});
