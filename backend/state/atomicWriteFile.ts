import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of in-progress writes; leftovers from a crash are removed when the state is opened. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Replaces `file` so that after a crash it holds the old or the new bytes, never a mix: write a
 * uniquely named temp file beside it, fsync, rename over the target, fsync the directory so the
 * rename itself survives a power cut.
 */
export async function atomicWriteFile(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
