/**
 * A worker thread that writes Word files for a large build (see docx-pool.ts): it receives a DocTree and the
 * document properties, and returns the .docx bytes. The same writer as in the main thread, so the bytes are equal.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { resolveFigure } from '../../load/resolve-figure.js';
import { writeDocx } from './write-docx.js';
import { DocxPackageShell } from './package-shell.js';
import type { DocTree } from '../../doc-tree/types.js';
import type { DocxJob, WorkerJob } from './docx-pool.js';

/** Answers jobs until the thread ends. It owns the shared parts of the style map of its last job (package-shell.ts). */
function serveJobs(port: MessagePort): void {
  let current: { key: string; shell: DocxPackageShell } | undefined;
  const shellFor = (styleMap: DocxJob['styleMap'], parts: DocxJob['shell']) => {
    // The pool sends a style map when it is not the one of this worker's last job (an edited one takes effect in
    // minutes watch): a new one, a new shell. The shell's parts come with it when the sender knows them, so the
    // worker loads our writer alone, not the docx package.
    if (!styleMap) {
      if (!current) throw new Error('Word writer worker: a job without a style map before any style map');
      return current.shell;
    }
    const key = JSON.stringify(styleMap);
    if (current?.key !== key) current = { key, shell: new DocxPackageShell(styleMap, { parts }) };
    return current.shell;
  };
  port.on('message', async (job: WorkerJob) => {
    try {
      const shell = shellFor(job.styleMap, job.shell);
      const bytes = await writeDocx(JSON.parse(job.tree) as DocTree, {
        styleMap: shell.styleMap,
        shell,
        resolveFigure: (src) => resolveFigure(job.dataDir, src),
        charts: job.charts,
        properties: job.properties,
      });
      port.postMessage({ id: job.id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) });
    }
  });
}

serveJobs(parentPort!);
