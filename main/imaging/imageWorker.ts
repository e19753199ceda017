// Entry of an image worker thread; SharpImagePipeline starts it from a URL. Must be bundled to
// ESM for the app (see SharpImagePipeline) — under Vitest the tests bundle it with esbuild.
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { PageImage } from '../ports/ImagePipeline';
import { processPage, rotatePage } from './processPage';
import type { ImageJob, ImageJobResult, ImageWorkerConfig, WorkerEnvelope } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('imageWorker must run in a worker thread');
const config = workerData as ImageWorkerConfig;
// Both settings are process-wide in libvips: with one worker per core, one libvips thread per page
// keeps two pages on two cores without oversubscription; the operation cache only holds memory,
// since no two pages share an operation.
sharp.concurrency(config.vipsConcurrency);
sharp.cache(false);
const limits = { maxPixels: config.maxPixels };

port.on('message', (envelope: WorkerEnvelope<ImageJob>) => {
  void run(envelope.body).then(
    ({ body, transfer }) => port.postMessage({ id: envelope.id, body } satisfies WorkerEnvelope<ImageJobResult>, transfer),
    (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
      port.postMessage({ id: envelope.id, body: { op: 'failed', message } } satisfies WorkerEnvelope<ImageJobResult>);
    },
  );
});

async function run(job: ImageJob): Promise<{ body: ImageJobResult; transfer: ArrayBuffer[] }> {
  switch (job.op) {
    case 'process': {
      const { result, timings } = await processPage(job.bytes, job.options, limits, undefined, job.page);
      return { body: { op: 'process', result, timings }, transfer: result.ok ? buffersOf(result.value) : [] };
    }
    case 'rotate': {
      const result = await rotatePage(job.bytes, job.degrees, limits);
      return { body: { op: 'rotate', result }, transfer: result.ok ? buffersOf(result.value) : [] };
    }
  }
}

/** The page's and thumbnail's buffers, when each view owns its whole buffer (sharp's toUint8Array does). */
function buffersOf(page: PageImage): ArrayBuffer[] {
  return [page.bytes, page.thumbnail.bytes].flatMap((view) =>
    view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? [view.buffer] : [],
  );
}
