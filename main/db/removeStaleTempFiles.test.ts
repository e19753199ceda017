import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile } from './atomicWriteFile';
import { removeStaleTempFiles } from './removeStaleTempFiles';

describe('removeStaleTempFiles', () => {
  it('removes what a crash left of atomic writes, in sharded folders too, and nothing else', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'psc-tmp-'));
    await mkdir(path.join(root, 'ab'));
    await atomicWriteFile(path.join(root, 'ab', 'cdef'), new Uint8Array([1]));
    await writeFile(path.join(root, 'ab', '.cdef.0123456789ab.tmp'), 'torn');
    await writeFile(path.join(root, '.crl.der.a1b2c3d4e5f6.tmp'), 'torn');
    await writeFile(path.join(root, 'notes.tmp'), 'not ours');
    expect(await removeStaleTempFiles(root, 1)).toBe(2);
    expect((await readdir(path.join(root, 'ab'))).sort()).toEqual(['cdef']);
    expect((await readdir(root)).sort()).toEqual(['ab', 'notes.tmp']);
  });
});
