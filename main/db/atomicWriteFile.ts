import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { nodeDurableFs, syncDirectory, writeAll, type DurableFs } from './durableFs';

/** Names of atomicWriteFile's temp files (`.<name>.<12 hex>.tmp`), which removeStaleTempFiles sweeps. */
export function tempFileName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces `file` with `bytes` so that after a crash or power cut the file holds either the old
 * or the new content, never a mix: write a temp file, fsync it, rename over the target, fsync
 * the directory so the rename itself is durable. A failure at any step (a full disk, EIO) removes
 * the temp file before rejecting, so failed attempts never leave space-eating leftovers behind;
 * what a crash leaves is swept at the next start (removeStaleTempFiles).
 */
export async function atomicWriteFile(file: string, bytes: Uint8Array, fs: DurableFs = nodeDurableFs): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempFileName(file);
  let renamed = false;
  try {
    const fd = await fs.open(temp, 'w');
    try {
      await writeAll(fs, fd, bytes);
      await fs.fsync(fd);
    } finally {
      await fs.close(fd);
    }
    await fs.rename(temp, file);
    renamed = true;
    await syncDirectory(fs, dir);
  } catch (error) {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}
