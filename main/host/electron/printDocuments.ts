import { randomUUID } from 'node:crypto';

/**
 * PDFs waiting to be printed by Electron's silent print (issue 15 item 1), served once each at
 * `app://print/<token>.pdf` to the hidden print window. The response has its own CSP: nothing but
 * the PDF itself may load (the renderer's CSP, object-src 'none', would block the PDF viewer). The
 * token is random, single-use and dropped after the print, so nothing else can fetch a document.
 */
export const PRINT_ORIGIN = 'app://print';
export const PRINT_DOCUMENT_CSP = "default-src 'none'; object-src 'self'; frame-ancestors 'none'";

export class PrintDocuments {
  private readonly documents = new Map<string, Uint8Array>();

  put(pdf: Uint8Array): { readonly token: string; readonly url: string } {
    const token = randomUUID();
    this.documents.set(token, pdf);
    return { token, url: `${PRINT_ORIGIN}/${token}.pdf` };
  }

  drop(token: string): void {
    this.documents.delete(token);
  }

  /** The protocol handler's answer for `app://print/…`: the PDF for a live token, else 404. */
  serve(requestUrl: string): Response {
    let url: URL;
    try {
      url = new URL(requestUrl);
    } catch {
      return new Response('not found', { status: 404 });
    }
    const token = /^\/([0-9a-f-]{36})\.pdf$/.exec(url.pathname)?.[1];
    const pdf = url.host === 'print' && token ? this.documents.get(token) : undefined;
    if (!pdf) return new Response('not found', { status: 404 });
    return new Response(Buffer.from(pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Security-Policy': PRINT_DOCUMENT_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  }
}
