import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile, TEMP_SUFFIX } from './atomicWriteFile';
import { fromPersisted, toPersisted, type BackendState } from './backendState';
import { persistedStateSchema } from './stateRecords';

export const STATE_FILE_NAME = 'state.json';

/**
 * The durable state as one JSON file rewritten atomically on every mutation: a registration,
 * its idempotency record and the sequence bump land together or not at all, so a crash can
 * never leave a registration that a replay would not find.
 */
export class StateFile {
  constructor(private readonly dir: string) {}

  get path(): string {
    return path.join(this.dir, STATE_FILE_NAME);
  }

  /** The saved state, or null on first start. A file that fails validation stops the server. */
  async load(): Promise<BackendState | null> {
    await mkdir(this.dir, { recursive: true });
    await this.removeAbandonedTempFiles();
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = persistedStateSchema.safeParse(parseJson(text));
    if (!parsed.success) throw new Error(`${this.path} is not a valid backend state: ${parsed.error.message}`);
    return fromPersisted(parsed.data);
  }

  async save(state: BackendState): Promise<void> {
    await atomicWriteFile(this.path, JSON.stringify(toPersisted(state)));
  }

  private async removeAbandonedTempFiles(): Promise<void> {
    const names = await readdir(this.dir);
    await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(this.dir, n), { force: true })));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // reported by the schema check as an invalid state
  }
}
