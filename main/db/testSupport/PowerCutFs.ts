// Test support: a file system for the database's real storage code (createDbStorage,
// atomicWriteFile) that models what a power cut keeps, in the spirit of CrashMonkey and ALICE. Each
// file has the bytes a reader sees now and the bytes made durable by fsync/fdatasync; each
// directory has the entries a reader sees now and the entries made durable by fsyncing the
// directory. At a power cut everything else is dropped: unsynced bytes, file creations, renames
// and unlinks whose directory was not fsynced since. Every call is one step and yields to the event
// loop first, so concurrent writers interleave as on a real disk; at a chosen step the power goes
// and no call ever completes again. Faults: fsync that fails with EIO (the unsynced data is then
// lost for good, as Linux drops the dirty pages), fsync that lies (reports success; the new size
// reaches the disk but the data does not, leaving zeros), and a full disk (ENOSPC).
import path from 'node:path';
import type { DurableFs, OpenFlags } from '../durableFs';

interface Inode {
  visible: Uint8Array;
  durable: Uint8Array;
  /** A lying fsync persisted this size without the data: the tail reads back as zeros. */
  liedSize: number | null;
}

interface Directory {
  entries: Map<string, Inode>;
  durable: Map<string, Inode>;
}

interface Descriptor {
  readonly path: string;
  readonly inode: Inode | null;
  readonly flags: OpenFlags;
  position: number;
}

export interface PowerCutOptions {
  /** The power goes when this step (1-based) is reached; null: only when `cut()` is called. */
  readonly cutAtStep?: number | null;
  /** Decides whether the nth fsync/fdatasync of a file (1-based, counting all files) fails with EIO. */
  readonly failSync?: (n: number, file: string) => boolean;
  /** Decides whether the nth fsync/fdatasync of a file lies (reports success, persists the size only). */
  readonly lieOnSync?: (n: number, file: string) => boolean;
  /** Bytes the disk can hold (visible file contents, all files); writes beyond fail with ENOSPC. */
  readonly capacityBytes?: number;
}

const enoent = (file: string) => Object.assign(new Error(`ENOENT: no such file or directory, '${file}'`), { code: 'ENOENT' });
const errno = (code: string, what: string) => Object.assign(new Error(`${code}: ${what}`), { code });

export class PowerCutFs implements DurableFs {
  private readonly dirs = new Map<string, Directory>();
  private readonly fds = new Map<number, Descriptor>();
  private nextFd = 3;
  private steps = 0;
  private syncs = 0;
  private down = false;
  private readonly onDown: (() => void)[] = [];
  /** Inodes whose unsynced data an fsync error threw away: it never reaches the disk. */
  private readonly poisoned = new Set<Inode>();
  readonly log: string[] = [];

  constructor(private readonly options: PowerCutOptions = {}) {}

  /** A file system holding `files` durably (what a restart finds). */
  static withFiles(files: ReadonlyMap<string, Uint8Array>, options: PowerCutOptions = {}): PowerCutFs {
    const fs = new PowerCutFs(options);
    for (const [file, bytes] of files) {
      const inode: Inode = { visible: bytes.slice(), durable: bytes.slice(), liedSize: null };
      const dir = fs.dir(path.dirname(file));
      dir.entries.set(path.basename(file), inode);
      dir.durable.set(path.basename(file), inode);
    }
    return fs;
  }

  get stepCount(): number {
    return this.steps;
  }

  get isDown(): boolean {
    return this.down;
  }

  /** Pulls the plug now. */
  cut(): void {
    if (this.down) return;
    this.down = true;
    for (const resolve of this.onDown.splice(0)) resolve();
  }

  /** Resolves when the power goes. */
  whenDown(): Promise<void> {
    return this.down ? Promise.resolve() : new Promise((resolve) => this.onDown.push(resolve));
  }

  /** The files a restart finds after the power cut (or, if it never came, as durable now). */
  afterPowerCut(): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    for (const [dirPath, dir] of this.dirs) {
      for (const [name, inode] of dir.durable) files.set(path.join(dirPath, name), this.persisted(inode));
    }
    return files;
  }

  /** What a reader sees now. */
  visibleFiles(): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    for (const [dirPath, dir] of this.dirs) for (const [name, inode] of dir.entries) files.set(path.join(dirPath, name), inode.visible.slice());
    return files;
  }

  async readFile(file: string): Promise<Uint8Array> {
    await this.step(`readFile ${file}`);
    const inode = this.lookup(file);
    if (!inode) throw enoent(file);
    return inode.visible.slice();
  }

  async open(file: string, flags: OpenFlags): Promise<number> {
    await this.step(`open ${flags} ${file}`);
    if (this.dirs.has(file)) {
      if (flags !== 'r') throw errno('EISDIR', file);
      return this.descriptor({ path: file, inode: null, flags, position: 0 });
    }
    let inode = this.lookup(file);
    if (!inode) {
      if (flags === 'r') throw enoent(file);
      if (this.options.capacityBytes !== undefined && this.used() >= this.options.capacityBytes) throw errno('ENOSPC', `no space left on device, open '${file}'`);
      inode = { visible: new Uint8Array(0), durable: new Uint8Array(0), liedSize: null };
      this.dir(path.dirname(file)).entries.set(path.basename(file), inode);
    } else if (flags === 'w') {
      inode.visible = new Uint8Array(0);
    }
    return this.descriptor({ path: file, inode, flags, position: 0 });
  }

  async write(fd: number, bytes: Uint8Array, offset: number, length: number): Promise<number> {
    const d = this.fd(fd);
    await this.step(`write ${d.path} ${length}`);
    const inode = this.fileOf(d);
    if (this.options.capacityBytes !== undefined && this.used() + length > this.options.capacityBytes) throw errno('ENOSPC', `no space left on device, write '${d.path}'`);
    const at = d.flags === 'a' ? inode.visible.byteLength : d.position;
    const next = new Uint8Array(Math.max(inode.visible.byteLength, at + length));
    next.set(inode.visible, 0);
    next.set(bytes.subarray(offset, offset + length), at);
    inode.visible = next;
    d.position = at + length;
    return length;
  }

  async read(fd: number, bytes: Uint8Array, offset: number, length: number, position: number): Promise<number> {
    const d = this.fd(fd);
    await this.step(`read ${d.path}`);
    const chunk = this.fileOf(d).visible.subarray(position, position + length);
    bytes.set(chunk, offset);
    return chunk.byteLength;
  }

  fdatasync(fd: number): Promise<void> {
    return this.sync(fd);
  }

  fsync(fd: number): Promise<void> {
    return this.sync(fd);
  }

  async ftruncate(fd: number, length: number): Promise<void> {
    const d = this.fd(fd);
    await this.step(`ftruncate ${d.path} ${length}`);
    const inode = this.fileOf(d);
    inode.visible = inode.visible.slice(0, length);
  }

  async close(fd: number): Promise<void> {
    this.fd(fd);
    await this.step(`close ${fd}`);
    this.fds.delete(fd);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.step(`rename ${from} ${to}`);
    const inode = this.lookup(from);
    if (!inode) throw enoent(from);
    this.dir(path.dirname(from)).entries.delete(path.basename(from));
    this.dir(path.dirname(to)).entries.set(path.basename(to), inode);
  }

  async unlink(file: string): Promise<void> {
    await this.step(`unlink ${file}`);
    if (!this.lookup(file)) throw enoent(file);
    this.dir(path.dirname(file)).entries.delete(path.basename(file));
  }

  async readdir(dir: string): Promise<string[]> {
    await this.step(`readdir ${dir}`);
    const found = this.dirs.get(dir);
    if (!found) throw enoent(dir);
    return [...found.entries.keys()];
  }

  private async sync(fd: number): Promise<void> {
    const d = this.fd(fd);
    await this.step(`sync ${d.path}`);
    if (d.inode === null) {
      const dir = this.dir(d.path);
      dir.durable = new Map(dir.entries);
      return;
    }
    const n = ++this.syncs;
    const inode = d.inode;
    if (this.options.failSync?.(n, d.path)) {
      this.poisoned.add(inode);
      throw errno('EIO', `i/o error, fsync '${d.path}'`);
    }
    if (this.poisoned.has(inode)) return; // the lost pages are gone; Linux reports the error once
    if (this.options.lieOnSync?.(n, d.path)) {
      inode.liedSize = inode.visible.byteLength;
      return;
    }
    inode.durable = inode.visible.slice();
    inode.liedSize = null;
  }

  private persisted(inode: Inode): Uint8Array {
    if (inode.liedSize === null) return inode.durable.slice();
    const out = new Uint8Array(inode.liedSize);
    out.set(inode.durable.subarray(0, inode.liedSize), 0);
    return out;
  }

  private async step(what: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.down) return new Promise(() => undefined);
    this.steps++;
    if (this.options.cutAtStep != null && this.steps >= this.options.cutAtStep) {
      this.cut();
      return new Promise(() => undefined);
    }
    this.log.push(what);
  }

  private used(): number {
    let total = 0;
    const seen = new Set<Inode>();
    for (const dir of this.dirs.values()) {
      for (const inode of [...dir.entries.values(), ...dir.durable.values()]) {
        if (seen.has(inode)) continue;
        seen.add(inode);
        total += Math.max(inode.visible.byteLength, inode.durable.byteLength);
      }
    }
    return total;
  }

  private dir(dirPath: string): Directory {
    let dir = this.dirs.get(dirPath);
    if (!dir) {
      dir = { entries: new Map(), durable: new Map() };
      this.dirs.set(dirPath, dir);
    }
    return dir;
  }

  private lookup(file: string): Inode | undefined {
    return this.dirs.get(path.dirname(file))?.entries.get(path.basename(file));
  }

  private descriptor(d: Descriptor): number {
    const fd = this.nextFd++;
    this.fds.set(fd, d);
    return fd;
  }

  private fd(fd: number): Descriptor {
    const d = this.fds.get(fd);
    if (!d) throw errno('EBADF', `bad file descriptor ${fd}`);
    return d;
  }

  private fileOf(d: Descriptor): Inode {
    if (!d.inode) throw errno('EISDIR', d.path);
    return d.inode;
  }
}
