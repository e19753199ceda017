/**
 * Hands a receipt PDF to the printer or to the disk, from the renderer: a hidden iframe on a blob URL
 * whose window prints (the browser's or Electron's print dialog), and an `<a download>` on a blob URL.
 * Blob URLs are revoked once they have served; the CSP allows `frame-src blob:` for the iframe.
 */

/** How long the last printed receipt's frame stays around: the print dialog reads it while open. */
const PRINT_FRAME_LIFETIME_MS = 60_000;
const PRINT_FRAME_ID = 'receipt-print-frame';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function pdfUrl(bytes: Uint8Array<ArrayBuffer>): string {
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Prints the PDF through a hidden iframe; a previous receipt's frame is removed first. */
export function printPdf(bytes: Uint8Array<ArrayBuffer>, doc: Document = document): void {
  doc.getElementById(PRINT_FRAME_ID)?.remove();
  const url = pdfUrl(bytes);
  const frame = doc.createElement('iframe');
  frame.id = PRINT_FRAME_ID;
  frame.title = 'receipt';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Off screen rather than display:none, which keeps some engines from laying out (and printing) the PDF.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0' });
  const cleanUp = () => {
    frame.remove();
    URL.revokeObjectURL(url);
  };
  // Attached before it gets its source: the initial about:blank load fires (synchronously) on attaching, and must not print.
  doc.body.appendChild(frame);
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(cleanUp, PRINT_FRAME_LIFETIME_MS);
    },
    { once: true },
  );
  frame.src = url;
}

/** Saves the PDF under `fileName` (the browser's download; Electron asks where). */
export function savePdf(bytes: Uint8Array<ArrayBuffer>, fileName: string, doc: Document = document): void {
  saveBlob(new Blob([bytes], { type: 'application/pdf' }), fileName, doc);
}

/** Saves any blob under `fileName` through an `<a download>` on a blob URL, revoked once the download has started. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
