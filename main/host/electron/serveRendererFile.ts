import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP } from '../web/webHostSecurity';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Answers `app://workstation/<path>` from the built renderer folder (the custom protocol that
 * replaces file://). Paths that escape the folder, and every other host, get 404.
 */
export async function serveRendererFile(requestUrl: string, rendererDir: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== 'workstation') return new Response('not found', { status: 404 });
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = path.resolve(rendererDir, `.${relative}`);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
