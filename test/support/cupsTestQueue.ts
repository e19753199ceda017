import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { waitFor } from './waitFor';

const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const HOW_TO = 'run `node scripts/prepareTestMachine.mjs` (installs cups, cups-client and printer-driver-cups-pdf as root and starts cupsd)';

/**
 * Fails (never skips) unless CUPS with the cups-pdf backend is installed and its scheduler runs:
 * the printing tests print through the real CUPS path (lp, filters, cups-pdf), on this machine only.
 */
export function requireCups(): void {
  if (spawnSync('lpstat', ['-r'], { stdio: 'ignore' }).error) throw new Error(`lpstat is missing (Debian package cups-client): ${HOW_TO}`);
  if (!existsSync(CUPS_PDF_PPD)) throw new Error(`the cups-pdf printer driver is missing (Debian package printer-driver-cups-pdf): ${HOW_TO}`);
  const running = spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).stdout;
  if (!/scheduler is running/.test(running)) throw new Error(`the CUPS scheduler is not running: ${HOW_TO}, or start it with \`cupsd\``);
}

/**
 * A private cups-pdf queue for one test file (needs root, like lpadmin always does); returns its name.
 * Its PDF-to-PostScript step is poppler's pdftocairo: with the default renderers the text of a
 * subset CID font (DejaVu, Cyrillic) reaches cups-pdf's PDF without its Unicode mapping, so the page
 * prints correctly but pdftotext cannot read it back.
 */
export function createPdfQueue(name: string): string {
  requireCups();
  const added = spawnSync('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-P', CUPS_PDF_PPD, '-o', 'pdftops-renderer-default=pdftocairo'], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`lpadmin could not create the test queue ${name} (it needs root): ${added.stderr}`);
  return name;
}

export function removeQueue(name: string): void {
  spawnSync('cancel', ['-a', name], { stdio: 'ignore' });
  spawnSync('lpadmin', ['-x', name], { stdio: 'ignore' });
}

export function stopQueue(name: string): void {
  spawnSync('cupsdisable', ['-r', 'stopped by test', name], { stdio: 'ignore' });
}

export function startQueue(name: string): void {
  spawnSync('cupsenable', [name], { stdio: 'ignore' });
}

/** cups-pdf writes each job to ~/PDF of the submitting user (`Out ${HOME}/PDF` in /etc/cups/cups-pdf.conf). */
export const CUPS_PDF_OUT = path.join(homedir(), 'PDF');

/** Waits for the PDF cups-pdf wrote for a job titled `titlePrefix…` after `since`; returns its path. */
export async function waitForPrintedPdf(titlePrefix: string, since: number, timeoutMs = 30_000): Promise<string> {
  try {
    return await waitFor(async () => {
      if (!existsSync(CUPS_PDF_OUT)) return null;
      for (const file of await readdir(CUPS_PDF_OUT)) {
        if (!file.startsWith(titlePrefix) || !file.endsWith('.pdf')) continue;
        const info = await stat(path.join(CUPS_PDF_OUT, file));
        if (info.mtimeMs >= since - 1000 && info.size > 0) return path.join(CUPS_PDF_OUT, file);
      }
      return null;
    }, timeoutMs);
  } catch {
    throw new Error(`cups-pdf wrote no ${titlePrefix}*.pdf to ${CUPS_PDF_OUT} within ${timeoutMs} ms`);
  }
}

export async function removePrintedPdfs(titlePrefix: string): Promise<void> {
  if (!existsSync(CUPS_PDF_OUT)) return;
  for (const file of await readdir(CUPS_PDF_OUT)) if (file.startsWith(titlePrefix)) await unlink(path.join(CUPS_PDF_OUT, file)).catch(() => undefined);
}
