/**
 * A worker thread that writes Word files for a large build (see docx-pool.ts): it receives a DocTree and the
 * document properties, and returns the .docx bytes. The same writer as in the main thread, so the bytes are equal.
 */
import { parentPort } from 'node:worker_threads';
import { resolveFigure } from '../../load/resolve-figure.js';
import { writeDocx } from './write-docx.js';
import type { DocxJob } from './docx-pool.js';

parentPort!.on('message', async (job: DocxJob) => {
  try {
    const bytes = await writeDocx(job.tree, {
      styleMap: job.styleMap,
      resolveFigure: (src) => resolveFigure(job.dataDir, src),
      charts: job.charts,
      properties: job.properties,
    });
    parentPort!.postMessage({ id: job.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) });
  }
});
