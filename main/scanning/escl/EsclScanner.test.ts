/**
 * The eSCL adapter against scripted eSCL answers from a loopback HTTP server: the bad inputs of
 * issue 15 (unreachable URL, garbage XML, 503 busy, a job that stops mid-page, time-outs) and the
 * protocol's edges that AirSane does not produce (a jam reported in ScannerStatus, a job offered on
 * another origin). AirSane itself is in EsclScanner.integration.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScannedPage } from '../../ports/Scanner';
import { EsclScanner } from './EsclScanner';

const CAPS = `<?xml version="1.0"?><scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:Version>2.0</pwg:Version><pwg:MakeAndModel>Scripted MFP</pwg:MakeAndModel>
<scan:Adf><scan:AdfSimplexInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>4200</scan:MaxHeight>
<scan:SettingProfiles><scan:SettingProfile><scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
<scan:SupportedResolutions><scan:ResolutionRange><scan:XResolutionRange><scan:Min>100</scan:Min><scan:Max>300</scan:Max></scan:XResolutionRange><scan:YResolutionRange><scan:Min>100</scan:Min><scan:Max>300</scan:Max></scan:YResolutionRange></scan:ResolutionRange></scan:SupportedResolutions>
<scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats></scan:SettingProfile></scan:SettingProfiles></scan:AdfSimplexInputCaps></scan:Adf>
</scan:ScannerCapabilities>`;
const status = (adfState: string, jobState: string) =>
  `<?xml version="1.0"?><scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"><pwg:Version>2.0</pwg:Version><pwg:State>Idle</pwg:State><scan:AdfState>${adfState}</scan:AdfState><scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/1</pwg:JobUri><pwg:JobState>${jobState}</pwg:JobState><pwg:ImagesCompleted>2</pwg:ImagesCompleted></scan:JobInfo></scan:Jobs></scan:ScannerStatus>`;

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let page: Buffer;
let server: Server | null = null;
const deletes: string[] = [];

beforeAll(async () => {
  page = await sharp({ create: { width: 100, height: 141, channels: 3, background: '#fff' } }).jpeg().toBuffer();
});
afterEach(async () => {
  deletes.length = 0;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A scripted eSCL scanner: `pages` whole pages, then what `afterPages` says; DELETE recorded. */
async function scanner(script: { caps?: Handler; createJob?: Handler; afterPages?: Handler; pages?: number; status?: string; nextDocument?: Handler }): Promise<EsclScanner> {
  let served = 0;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = request.url ?? '';
      if (request.method === 'DELETE') {
        deletes.push(url);
        response.writeHead(200).end();
      } else if (url.endsWith('/ScannerCapabilities')) (script.caps ?? ((_q, r) => r.writeHead(200, { 'Content-Type': 'text/xml' }).end(CAPS)))(request, response, body);
      else if (url.endsWith('/ScannerStatus')) response.writeHead(200, { 'Content-Type': 'text/xml' }).end(script.status ?? status('ScannerAdfLoaded', 'Processing'));
      else if (url.endsWith('/ScanJobs') && request.method === 'POST') (script.createJob ?? ((_q, r) => r.writeHead(201, { Location: '/eSCL/ScanJobs/1' }).end()))(request, response, body);
      else if (url.endsWith('/NextDocument')) {
        if (script.nextDocument) return script.nextDocument(request, response, body);
        if (served < (script.pages ?? 0)) {
          served += 1;
          response.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(page);
        } else (script.afterPages ?? ((_q, r) => r.writeHead(404).end()))(request, response, body);
      } else response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new EsclScanner({ scanners: [{ id: 's', name: 'Scripted', url: `http://127.0.0.1:${port}/eSCL` }], busyWaitMs: 300, busyRetryMs: 50, pageTimeoutMs: 500, requestTimeoutMs: 500, cancelGraceMs: 200 });
}

const ADF = { deviceId: 'escl:s', source: 'adf', resolutionDpi: 200, mode: 'gray' } as const;
const collect = () => {
  const pages: ScannedPage[] = [];
  return { pages, onPage: async (p: ScannedPage) => void pages.push(p) };
};

describe('EsclScanner, bad answers', () => {
  it('offers resolutions inside a range and sends the settings the scanner can take', async () => {
    let sent = '';
    const adapter = await scanner({ pages: 1, createJob: (_q, r, body) => ((sent = body), r.writeHead(201, { Location: '/eSCL/ScanJobs/1' }).end()) });
    expect(await adapter.capabilities('escl:s')).toMatchObject({ ok: true, value: { sources: ['adf'], resolutionsDpi: [100, 150, 200, 240, 300], modes: ['color', 'gray', 'lineart'] } });
    const { pages, onPage } = collect();
    expect(await adapter.scan(ADF, { onPage })).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'feeder-empty' } });
    expect(sent).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(sent).toContain('<scan:ColorMode>Grayscale8</scan:ColorMode>');
    expect(sent).toContain('<scan:XResolution>200</scan:XResolution>');
    expect(sent).toContain('<pwg:Width>2480</pwg:Width>');
    expect(pages[0]).toMatchObject({ format: 'jpeg', widthPx: 100, heightPx: 141, dpi: 200 });
  });

  it('an unreachable scanner URL is device-not-found ("not responding")', async () => {
    const adapter = new EsclScanner({ scanners: [{ id: 's', name: 'Off', url: 'http://127.0.0.1:1/eSCL' }], requestTimeoutMs: 2000 });
    expect(await adapter.capabilities('escl:s')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'escl:s' } });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'escl:s', pagesDelivered: 0 } });
  });

  it('garbage instead of capabilities XML is a clear failure, not a crash', async () => {
    const adapter = await scanner({ caps: (_q, r) => r.writeHead(200, { 'Content-Type': 'text/xml' }).end('<html><body>Welcome to <b>printer</b></body') });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'unknown', saneStatus: 'the scanner sent capabilities that are not eSCL', pagesDelivered: 0 } });
  });

  it('503 busy is waited out; a scanner busy for longer is device-busy', async () => {
    let busy = 2;
    const recovering = await scanner({ pages: 1, createJob: (_q, r) => (busy-- > 0 ? r.writeHead(503, { 'Retry-After': '0' }).end() : r.writeHead(201, { Location: '/eSCL/ScanJobs/1' }).end()) });
    expect((await recovering.scan(ADF, collect())).ok).toBe(true);
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const stuck = await scanner({ createJob: (_q, r) => r.writeHead(503).end() });
    expect(await stuck.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'device-busy', pagesDelivered: 0 } });
  });

  it('a job that stops mid-page keeps the pages before it and says jam when the scanner says so', async () => {
    const adapter = await scanner({
      pages: 2,
      status: status('ScannerAdfJam', 'Aborted'),
      afterPages: (_q, r) => {
        r.writeHead(200, { 'Content-Type': 'image/jpeg' });
        r.end(page.subarray(0, 200));
      },
    });
    const { pages, onPage } = collect();
    expect(await adapter.scan(ADF, { onPage })).toEqual({ ok: false, error: { kind: 'paper-jam', pagesDelivered: 2 } });
    expect(pages).toHaveLength(2);
    expect(deletes).toEqual(['/eSCL/ScanJobs/1']);
  });

  it('a connection dropped mid-page is io-error with the earlier pages kept', async () => {
    const adapter = await scanner({ pages: 1, afterPages: (_q, r) => (r.writeHead(200, { 'Content-Type': 'image/jpeg' }), r.write(page.subarray(0, 100)), r.socket?.destroy()), status: status('ScannerAdfLoaded', 'Aborted') });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'io-error', pagesDelivered: 1 } });
  });

  it('a page that never comes times out as io-error', async () => {
    const adapter = await scanner({ pages: 1, afterPages: () => undefined });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'io-error', pagesDelivered: 1 } });
  });

  it('a job offered on another origin is refused', async () => {
    const adapter = await scanner({ createJob: (_q, r) => r.writeHead(201, { Location: 'http://127.0.0.2:9/eSCL/ScanJobs/1' }).end() });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'unknown', saneStatus: 'eSCL HTTP 502', pagesDelivered: 0 } });
  });

  it('409 when the job is created is an empty feeder', async () => {
    const adapter = await scanner({ createJob: (_q, r) => r.writeHead(409).end() });
    expect(await adapter.scan(ADF, collect())).toEqual({ ok: false, error: { kind: 'feeder-empty', pagesDelivered: 0 } });
  });

  it('cancel while a page is on its way deletes the job and keeps the pages delivered', async () => {
    const controller = new AbortController();
    const adapter = await scanner({ pages: 1, afterPages: () => controller.abort() });
    const { pages, onPage } = collect();
    expect(await adapter.scan(ADF, { onPage, signal: controller.signal })).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 1 } });
    expect(pages).toHaveLength(1);
    expect(deletes).toEqual(['/eSCL/ScanJobs/1']);
  });
});
