/**
 * npm run bench: our build against pandoc on synthetic archives of 10, 100 and 1000 meetings, in one run.
 * Prints a table of times and the ratios ours/pandoc. Without pandoc it says so and prints the rest.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { watchProject } from '../src/watch.js';
import { markdownRendition } from './markdown-rendition.js';
import { writeSyntheticArchive } from './synthetic-archive.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const cli = path.join(repo, 'bin/minutes.js');
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const pandocMax = Number(process.env.BENCH_PANDOC_MAX ?? 100);

function hasPandoc(): string | undefined {
  try {
    return execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function ourBuild(dir: string, args: string[] = []): Promise<{ ms: number; rssMb: number }> {
  const { ms, value } = await timed(() =>
    run('node', [cli, 'build', '--out', 'output', ...args], { cwd: dir, env: { ...process.env, MINUTES_REPORT_RSS: '1' }, maxBuffer: 64 * 1024 * 1024 }),
  );
  const rss = Number(/maxRSS=(\d+)/.exec(value.stderr)?.[1] ?? 0);
  return { ms, rssMb: rss / 1024 };
}

async function pandocBuild(dir: string, ids: string[]): Promise<number> {
  const mdDir = path.join(dir, 'pandoc-in');
  const outDir = path.join(dir, 'pandoc-out');
  await mkdir(mdDir, { recursive: true });
  await mkdir(outDir, { recursive: true });
  for (const id of ids) await writeFile(path.join(mdDir, `${id}.md`), await markdownRendition(path.join(dir, 'data'), path.join(dir, 'data/meetings', `${id}.md`)));
  const { ms } = await timed(async () => {
    // Two at a time, as we use both cores too.
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const input = path.join(mdDir, `${id}.md`);
        await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(outDir, `${id}.docx`), input]);
        await run('pandoc', ['-s', '-f', 'markdown', '-t', 'html', '--metadata', `title=${id}`, '-o', path.join(outDir, `${id}.html`), input]);
      }
    };
    await Promise.all([worker(), worker()]);
  });
  return ms;
}

async function watchLatency(dir: string, id: string, samples = 11): Promise<number[]> {
  const events: number[] = [];
  const watcher = watchProject({
    cwd: dir,
    dataDir: 'data',
    outDir: 'output',
    templatesDir: path.join(repo, 'templates'),
    formats: ['html', 'docx'],
    debounceMs: 10,
    onBuild: () => events.push(performance.now()),
    onError: (e) => {
      throw e;
    },
  });
  await watcher.ready;
  const meeting = path.join(dir, 'data/meetings', `${id}.md`);
  const page = path.join(dir, 'output', `${id}.html`);
  const original = await readFile(meeting, 'utf8');
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const marker = `会議室W${i}`;
    const start = performance.now();
    await writeFile(meeting, original.replace(/^place: .*$/m, `place: ${marker}`));
    // Until the build that shows the change has finished: its HTML, its Word file and the site pages are written.
    for (;;) {
      const html = await readFile(page, 'utf8').catch(() => '');
      if (html.includes(marker) && events.some((t) => t >= start)) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    latencies.push(events.filter((t) => t >= start).at(-1)! - start);
    await new Promise((r) => setTimeout(r, 100));
  }
  await watcher.close();
  return latencies.sort((a, b) => a - b);
}

const median = (values: number[]) => values[Math.floor(values.length / 2)];
const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (ours: number, theirs: number | undefined) => (theirs ? `${(ours / theirs).toFixed(3)}×` : 'n/a');

async function main() {
  const pandoc = hasPandoc();
  const rows: string[][] = [];
  const notes: string[] = [];
  if (!pandoc) notes.push('pandoc is not installed (apt-get install pandoc): pandoc columns are n/a.');
  const work = await mkdtemp(path.join(os.tmpdir(), 'minutes-bench-'));
  try {
    // Cold single-meeting build.
    const single = path.join(work, 'n1');
    const [singleId] = await writeSyntheticArchive(path.join(repo, 'data'), single, 1);
    const ours1 = await ourBuild(single, [`data/meetings/${singleId}.md`]);
    const pandoc1 = pandoc ? await pandocBuild(single, [singleId]) : undefined;
    rows.push(['cold build, 1 meeting (html+docx)', fmt(ours1.ms), fmt(pandoc1), ratio(ours1.ms, pandoc1), '≤ 1.5×']);
    let time100: number | undefined;
    for (const size of sizes) {
      const dir = path.join(work, `n${size}`);
      const ids = await writeSyntheticArchive(path.join(repo, 'data'), dir, size);
      const full = await ourBuild(dir);
      const theirs = pandoc && size <= pandocMax ? await pandocBuild(dir, ids) : undefined;
      if (size === 100) time100 = full.ms;
      rows.push([`full build, ${size} meetings (html+docx)`, fmt(full.ms), fmt(theirs), ratio(full.ms, theirs), size === 100 ? '≤ 0.1×' : size === 1000 && time100 ? `≤ 11× n=100 (is ${(full.ms / time100).toFixed(1)}×)` : '']);
      rows.push([`peak RSS, ${size} meetings`, `${full.rssMb.toFixed(0)} MB`, '', '', size === 1000 ? '≤ 300 MB' : '']);
      if (size === 100) {
        const noop = await ourBuild(dir);
        rows.push(['no-op rebuild, 100 meetings', fmt(noop.ms), '', '', '≤ 0.3 s']);
        const incidents = (await readdir(path.join(dir, 'data/incidents'))).sort();
        const victim = path.join(dir, 'data/incidents', incidents[0]);
        await writeFile(victim, (await readFile(victim, 'utf8')).replace(/^region: (.*)$/m, 'region: $1（一部）'));
        const one = await ourBuild(dir);
        rows.push(['one-file change, 100 meetings', fmt(one.ms), '', '', '']);
        const latencies = await watchLatency(dir, ids[3]);
        rows.push([`watch: save → all outputs written (median of ${latencies.length})`, fmt(median(latencies)), '', '', '≤ 50 ms']);
      }
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const header = ['measure', 'ours', 'pandoc', 'ours/pandoc', 'target'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`\n${table}\n\nMachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${pandoc ?? 'no pandoc'}.\n`);
  for (const note of notes) process.stdout.write(`${note}\n`);
  void stat;
}

await main();
