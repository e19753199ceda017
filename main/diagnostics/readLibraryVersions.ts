import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LibraryVersion } from '../../core/contract/diagnostics';

/** The libraries whose versions the helpdesk asks about first (native code, formats, signing, HTTP, UI). */
export const DIAGNOSED_LIBRARIES = ['sql.js', 'sharp', 'pdf-lib', 'node-forge', 'fastify', 'react', 'zod'] as const;

const packageJsonSchema = z.object({ version: z.string().min(1).max(64) });

/**
 * Each library's version from its own package.json, found by walking up from `searchFrom` to the
 * nearest `node_modules/<name>` (never by importing it: loading sharp or react for a version number
 * would be a side effect, and some packages' `exports` hide package.json from resolution).
 */
export async function readLibraryVersions(names: readonly string[], searchFrom: readonly string[]): Promise<LibraryVersion[]> {
  return Promise.all(names.map(async (name) => ({ name, version: await findVersion(name, searchFrom) })));
}

async function findVersion(name: string, searchFrom: readonly string[]): Promise<string | null> {
  for (const start of searchFrom) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const text = await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8').catch(() => null);
      if (text !== null) {
        const parsed = packageJsonSchema.safeParse(safeJson(text));
        if (parsed.success) return parsed.data.version;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
