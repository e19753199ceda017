// Test support: storage for SqlJsDatabase that models what survives a power cut. Each file has the
// bytes a reader sees now and the bytes that are durable (synced); every operation is one step and
// yields to the event loop first, so concurrent writers interleave as with a real disk. At a chosen
// step the "machine" dies: nothing after it ever completes, and `image()` gives the files as the
// next start finds them — the durable bytes plus, for a file with unsynced appends, any prefix of
// them, of which the later part may read back as zeros (a size update that beat its data to the
// disk: the zeros never reach past what was appended). See PowerCutFs for the same at the level of
// file-system calls, under the real storage code.
import type { DbStorage, JournalHandle } from '../dbStorage';

interface StoredFile {
  visible: Uint8Array;
  durable: Uint8Array;
}

export interface CrashableStorageOptions {
  /** Crash when this step (1-based) is reached; null never crashes on its own. */
  readonly crashAtStep?: number | null;
  /** Decides torn tails at the crash: a source of numbers in [0, 1). */
  readonly random?: () => number;
  /** Makes one kind of operation fail instead (disk errors). */
  readonly failOn?: 'append' | 'sync' | 'replace' | 'truncate' | null;
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
};

const startsWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  bytes.byteLength >= prefix.byteLength && prefix.every((b, i) => bytes[i] === b);

export class CrashableStorage implements DbStorage {
  private readonly files = new Map<string, StoredFile>();
  private steps = 0;
  private crashedImage: Map<string, Uint8Array> | null = null;
  private onCrash: (() => void)[] = [];
  readonly counters = { appends: 0, syncs: 0, replaces: 0, truncates: 0 };
  /** Makes one kind of operation fail from now on (disk errors); null for none. */
  failOn: CrashableStorageOptions['failOn'];

  constructor(
    initial: ReadonlyMap<string, Uint8Array> = new Map(),
    private readonly options: CrashableStorageOptions = {},
  ) {
    for (const [name, bytes] of initial) this.files.set(name, { visible: bytes, durable: bytes });
    this.failOn = options.failOn ?? null;
  }

  get crashed(): boolean {
    return this.crashedImage !== null;
  }

  get stepCount(): number {
    return this.steps;
  }

  /** Resolves when the crash happens. */
  whenCrashed(): Promise<void> {
    return this.crashed ? Promise.resolve() : new Promise((resolve) => this.onCrash.push(resolve));
  }

  /** Pulls the plug now. */
  crash(): void {
    if (this.crashedImage) return;
    const random = this.options.random ?? Math.random;
    const image = new Map<string, Uint8Array>();
    for (const [name, file] of this.files) {
      if (startsWith(file.visible, file.durable) && file.visible.byteLength > file.durable.byteLength) {
        // Unsynced appends: the file may have grown by any part of them; of that, a later part may be zeros.
        const extra = file.visible.subarray(file.durable.byteLength);
        const grown = Math.floor(random() * (extra.byteLength + 1));
        const kept = random() < 0.3 ? Math.floor(random() * (grown + 1)) : grown;
        image.set(name, concat(concat(file.durable, extra.subarray(0, kept)), new Uint8Array(grown - kept)));
      } else if (file.visible.byteLength < file.durable.byteLength && random() < 0.5) {
        image.set(name, file.visible); // an unsynced truncation that happened to reach the disk
      } else {
        image.set(name, file.durable);
      }
    }
    this.crashedImage = image;
    for (const resolve of this.onCrash.splice(0)) resolve();
  }

  /** The files as the next start finds them (after a crash), or as they are durable now. */
  image(): Map<string, Uint8Array> {
    if (this.crashedImage) return new Map(this.crashedImage);
    return new Map([...this.files].map(([name, file]) => [name, file.durable]));
  }

  /** What a reader sees right now (no crash). */
  visible(name: string): Uint8Array | null {
    return this.files.get(name)?.visible ?? null;
  }

  /** One step of I/O: yields, then never returns if the machine is (or now goes) down. */
  private async step(kind: CrashableStorageOptions['failOn']): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.crashed) return new Promise(() => undefined);
    this.steps++;
    if (this.options.crashAtStep != null && this.steps >= this.options.crashAtStep) {
      this.crash();
      return new Promise(() => undefined);
    }
    if (kind && this.failOn === kind) throw new Error(`simulated ${kind} failure (EIO)`);
  }

  async read(name: string): Promise<Uint8Array | null> {
    await this.step(null);
    const file = this.files.get(name);
    return file ? file.visible.slice() : null;
  }

  async replaceAtomically(name: string, bytes: Uint8Array): Promise<void> {
    await this.step('replace'); // temp file written and synced …
    await this.step(null); // … renamed over the target, directory synced
    this.counters.replaces++;
    const copy = bytes.slice();
    this.files.set(name, { visible: copy, durable: copy });
  }

  async probeWritable(): Promise<void> {
    await this.step('replace');
  }

  async removeStaleTemp(): Promise<number> {
    await this.step(null);
    return 0; // replaceAtomically is one step here: it never leaves a temp file
  }

  async openJournal(name: string): Promise<JournalHandle> {
    await this.step(null);
    if (!this.files.has(name)) this.files.set(name, { visible: new Uint8Array(0), durable: new Uint8Array(0) });
    const file = this.files.get(name)!;
    return {
      append: async (bytes) => {
        await this.step('append');
        this.counters.appends++;
        file.visible = concat(file.visible, bytes);
      },
      sync: async () => {
        await this.step('sync');
        this.counters.syncs++;
        file.durable = file.visible;
      },
      truncate: async () => {
        await this.step('truncate');
        file.visible = new Uint8Array(0);
        await this.step('sync');
        this.counters.truncates++;
        file.durable = file.visible;
      },
      close: async () => undefined,
    };
  }
}
