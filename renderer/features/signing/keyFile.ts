/**
 * The key file the operator picks, checked before its bytes are read, against the contract's limit
 * (core/contract/limits.ts: zod-free, so it stays out of the operator's bundle).
 */
import { MAX_KEY_FILE_BYTES } from '../../../core/contract/limits';

export { MAX_KEY_FILE_BYTES };

/** What the picker offers; main decides from the bytes whether it is a key file. */
export const ACCEPTED_KEY_FILE_TYPES = '.p12,.pfx';

/** A key file the operator picked, read only once it passed the size check. */
export interface KeyFileSource {
  readonly name: string;
  readonly sizeBytes: number;
  /** Where the host says it lives (Electron), so main can reopen it next time; null in the browser host. */
  readonly path: string | null;
  readBase64(): Promise<string>;
}

/** Why a picked file was not even sent to main. */
export type KeyFilePickError =
  | { readonly kind: 'too-large'; readonly fileName: string; readonly sizeBytes: number; readonly maxBytes: number }
  | { readonly kind: 'empty'; readonly fileName: string }
  | { readonly kind: 'unreadable'; readonly fileName: string };

export function checkKeyFileBeforeReading(file: Pick<KeyFileSource, 'name' | 'sizeBytes'>): KeyFilePickError | null {
  if (file.sizeBytes === 0) return { kind: 'empty', fileName: file.name };
  if (file.sizeBytes > MAX_KEY_FILE_BYTES) {
    return { kind: 'too-large', fileName: file.name, sizeBytes: file.sizeBytes, maxBytes: MAX_KEY_FILE_BYTES };
  }
  return null;
}
