import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The DejaVu faces the result documents embed (resources/fonts): Kazakh letters need them. */
export interface ResultFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** A font file is missing or unreadable: a configuration problem, worth one line at startup. */
export class ResultFontError extends Error {
  override readonly name = 'ResultFontError';
}

/** Reads both faces from `fontsDir` (resources/fonts); rejects, naming the file, when one is missing. */
export async function loadResultFonts(fontsDir: string): Promise<ResultFonts> {
  const read = async (name: string) => {
    const file = path.join(fontsDir, name);
    try {
      return new Uint8Array(await readFile(file));
    } catch (error) {
      throw new ResultFontError(`Result-document font ${file} is unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
    }
  };
  return { regular: await read('DejaVuSans.ttf'), bold: await read('DejaVuSans-Bold.ttf') };
}
