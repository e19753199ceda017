import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { TRAINING_MARK, stampTrainingWatermark } from './trainingWatermark';

const FONT = path.join(__dirname, '..', '..', 'resources', 'fonts', 'DejaVuSans.ttf');

describe('stampTrainingWatermark', () => {
  it('puts the training mark on every page, readable by pdftotext', async () => {
    requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    pdf.addPage([842, 595]);
    const stamped = await stampTrainingWatermark(await pdf.save(), new Uint8Array(await readFile(FONT)));
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-mark-'));
    await writeFile(path.join(dir, 'in.pdf'), stamped);
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'in.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(TRAINING_MARK);
  });
});
