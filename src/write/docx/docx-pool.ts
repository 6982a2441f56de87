import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocTree } from '../../doc-tree/types.js';
import type { DocxOptions } from './write-docx.js';

export interface DocxJob {
  id: number;
  tree: DocTree;
  templatesDir: string;
  dataDir: string;
  properties: DocxOptions['properties'];
  charts: DocxOptions['charts'];
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** Below this many Word files a build writes them in the main thread: starting workers would cost more. */
export const POOL_THRESHOLD = 12;

/**
 * Worker threads that write Word files in parallel, one per core (the docx package's XML building is most of a large
 * build). Under tsx (the TypeScript sources) the workers load tsx too; from the bundle they run dist/docx-worker.js.
 */
export class DocxPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private readonly load: number[] = [];
  private next = 0;

  constructor(size = Math.max(1, Math.min(4, os.availableParallelism()))) {
    const fromSources = import.meta.url.endsWith('.ts');
    const script = new URL(fromSources ? './docx-worker-from-sources.mjs' : './docx-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', (reply: Reply) => this.settle(i, reply));
      worker.on('error', (error) => {
        for (const [, pending] of this.waiting) pending.reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** Writes one Word file in the least busy worker. */
  write(job: Omit<DocxJob, 'id'>): Promise<Uint8Array> {
    const id = this.next++;
    const index = this.load.indexOf(Math.min(...this.load));
    this.load[index]++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[index].postMessage({ ...job, id });
    });
  }

  /** Jobs sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  private settle(worker: number, reply: Reply): void {
    this.load[worker]--;
    const pending = this.waiting.get(reply.id);
    if (!pending) return;
    this.waiting.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(`Word writer worker failed: ${reply.error}`));
    else pending.resolve(reply.bytes);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
