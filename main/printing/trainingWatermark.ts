/**
 * Training mode's mark on paper (issue 15 item 3): every page of every receipt and result a
 * training workstation hands out carries «ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ» across the page and in a
 * band at its top, drawn into the PDF itself (not an overlay of the viewer), so neither a print
 * nor a saved copy can pass as a real document. pdf-lib + fontkit with the bundled DejaVu font
 * (the mark is Cyrillic).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, degrees, rgb } from 'pdf-lib';

export const TRAINING_MARK = 'ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ';

export async function stampTrainingWatermark(pdfBytes: Uint8Array, fontBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const bandSize = Math.max(9, Math.min(14, width / 45));
    const bandWidth = font.widthOfTextAtSize(TRAINING_MARK, bandSize);
    page.drawRectangle({ x: 0, y: height - bandSize * 2.2, width, height: bandSize * 2.2, color: rgb(1, 0.93, 0.8), opacity: 0.9 });
    page.drawText(TRAINING_MARK, { x: (width - bandWidth) / 2, y: height - bandSize * 1.6, size: bandSize, font, color: rgb(0.7, 0.2, 0) });
    // Diagonal across the page, sized to fit the diagonal.
    const diagonal = Math.hypot(width, height);
    const size = Math.min(60, (diagonal * 0.8) / Math.max(1, font.widthOfTextAtSize(TRAINING_MARK, 1)));
    const textWidth = font.widthOfTextAtSize(TRAINING_MARK, size);
    const angle = Math.atan2(height, width);
    page.drawText(TRAINING_MARK, {
      x: width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3,
      y: height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3,
      size,
      font,
      rotate: degrees((angle * 180) / Math.PI),
      color: rgb(0.75, 0.1, 0.1),
      opacity: 0.22,
    });
  }
  return pdf.save();
}
