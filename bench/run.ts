/**
 * npm run bench: our build against pandoc on synthetic archives, in one run, with medians over repeated runs.
 * Prints a table (and writes it to bench/results/<date>-node<major>.md) with the machine and the Node version.
 * Without pandoc it says so and prints the rest.
 *
 * Runs per row (BENCH_RUNS="1,10,100,1000,5000" overrides them: one number per size): 7 cold builds of one meeting,
 * 5 builds of 10, 3 of 100, 2 of 1000, 1 of 5000; pandoc the same number of times up to 100 meetings. Each build of
 * ours starts from an empty output folder, in a new process. BENCH_SIZES="10,100" leaves sizes out.
 *
 * BENCH_BASELINE=<another checkout, compiled> adds a "before" column: that checkout's CLI, run alternately with ours
 * on the same archives (up to 1000 meetings), so that both see the same load of the machine.
 *
 * Every process it starts runs without NODE_EXTRA_CA_CERTS: a machine behind a TLS-inspecting proxy sets it, and Node
 * then reads the certificates at every start (≈ 50 ms here), whatever the program does; the tool makes no network
 * connection. When it is set, a row measures what it adds to Node's own start, so a reader can add it back.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { markdownRendition } from './markdown-rendition.js';
import { writeSyntheticArchive } from './synthetic-archive.js';
import { formatSteps, median, watchLatency } from './watch-steps.js';

const execFileAsync = promisify(execFile);
/** The environment of every process the bench starts: this one's, without Node's extra CA certificates (see above). */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));
const run = (file: string, args: string[], options: { cwd?: string; maxBuffer?: number } = {}) => execFileAsync(file, args, { ...options, env: childEnv });
const repo = path.resolve(import.meta.dirname, '..');
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const baselineMax = 1000;
const usageReporter = pathToFileURL(path.join(repo, 'bench/report-usage.mjs')).href;
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000,5000').split(',').map(Number);
const pandocMax = Number(process.env.BENCH_PANDOC_MAX ?? 100);
const defaultRuns: Record<number, number> = { 1: 7, 10: 5, 100: 3, 1000: 2, 5000: 1 };
const runsOf = (size: number) => {
  const override = process.env.BENCH_RUNS?.split(',').map(Number);
  const index = [1, 10, 100, 1000, 5000].indexOf(size);
  return override?.[index] ?? defaultRuns[size] ?? 1;
};

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

interface Sample {
  ms: number;
  /** CPU time of the process, every thread (bench/report-usage.mjs). */
  cpuMs: number;
  rssMb: number;
}

/** A build by the CLI of a checkout (ours, or the baseline into its own output folder). */
async function ourBuild(root: string, dir: string, args: string[] = [], fresh = true): Promise<Sample> {
  const out = root === repo ? 'output' : 'output-baseline';
  if (fresh) await rm(path.join(dir, out), { recursive: true, force: true });
  const { ms, value } = await timed(() =>
    run('node', ['--import', usageReporter, path.join(root, 'bin/minutes.js'), 'build', '--out', out, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }),
  );
  const usage = /bench-usage=(\{.*\})/.exec(value.stderr)?.[1];
  if (!usage) throw new Error(`no usage report from the build in ${dir}:\n${value.stderr}`);
  const { cpuMs, maxRssKb } = JSON.parse(usage) as { cpuMs: number; maxRssKb: number };
  return { ms, cpuMs, rssMb: maxRssKb / 1024 };
}

/** Repeated builds by ours and, alternately, by the baseline when there is one (and the archive is not too large). */
async function ourBuilds(dir: string, runs: number, args: string[] = [], fresh = true, size = 1): Promise<{ ours: Sample[]; before?: Sample[] }> {
  const ours: Sample[] = [];
  const before: Sample[] = [];
  const withBaseline = baseline !== undefined && size <= baselineMax;
  for (let i = 0; i < runs; i++) {
    ours.push(await ourBuild(repo, dir, args, fresh));
    if (withBaseline) before.push(await ourBuild(baseline, dir, args, fresh));
  }
  return withBaseline ? { ours, before } : { ours };
}

/** Node's own start (`node -e ''`), with the environment given: the floor under every build of ours. */
async function nodeStarts(env: NodeJS.ProcessEnv, runs = 11): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => execFileAsync('node', ['-e', ''], { env }))).ms);
  return times;
}

async function pandocBuilds(dir: string, ids: string[], runs: number): Promise<number[]> {
  const mdDir = path.join(dir, 'pandoc-in');
  const outDir = path.join(dir, 'pandoc-out');
  await mkdir(mdDir, { recursive: true });
  await mkdir(outDir, { recursive: true });
  for (const id of ids) await writeFile(path.join(mdDir, `${id}.md`), await markdownRendition(path.join(dir, 'data'), path.join(dir, 'data/meetings', `${id}.md`)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
    times.push(ms);
  }
  return times;
}

const ms = (samples: Sample[]) => samples.map((s) => s.ms);
const cpu = (samples: Sample[]) => samples.map((s) => s.cpuMs);
const gitHead = (dir: string) => {
  try {
    return execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: dir, encoding: 'utf8' }).trim();
  } catch {
    return 'not a git checkout';
  }
};
const fmt = (ms: number | undefined) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
/** The median, with the range when there was more than one run. */
const cell = (values: number[] | undefined) => {
  if (!values || values.length === 0) return '';
  if (values.length === 1) return fmt(values[0]);
  return `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
};
const ratio = (ours: number[], theirs: number[] | undefined) => (theirs?.length ? `${(median(ours) / median(theirs)).toFixed(3)}×` : '');
const runs = (n: number) => (n === 1 ? '1 run' : `median of ${n}`);

async function main() {
  const pandoc = hasPandoc();
  const loadBefore = os.loadavg();
  const began = performance.now();
  const peaks: string[] = [];
  const rows: string[][] = [];
  const push = rows.push.bind(rows);
  let written: Promise<unknown> = Promise.resolve();
  rows.push = (...added: string[][]) => {
    const length = push(...added);
    for (const row of added) process.stdout.write(`${row.join(' | ')}\n`);
    written = written.then(() => writeResults(rows, notes, { pandoc, loadBefore, began, peaks, final: false }));
    return length;
  };
  /** A row of our builds: ours, the baseline's when measured, then the pandoc cells. */
  const row = (measure: string, samples: { ours: Sample[]; before?: Sample[] }, ...rest: string[]) =>
    rows.push([
      measure,
      cell(ms(samples.ours)),
      fmt(median(cpu(samples.ours))),
      ...(baseline ? [cell(samples.before && ms(samples.before)), samples.before ? fmt(median(cpu(samples.before))) : ''] : []),
      ...rest,
    ]);
  const notes: string[] = [];
  if (!pandoc) notes.push('pandoc is not installed (apt-get install pandoc): pandoc columns are empty.');
  const work = await mkdtemp(path.join(os.tmpdir(), 'minutes-bench-'));
  try {
    // Cold single-meeting build: a new process, an empty output folder.
    const single = path.join(work, 'n1');
    const [singleId] = await writeSyntheticArchive(path.join(repo, 'data'), single, 1);
    const n1 = runsOf(1);
    const ours1 = await ourBuilds(single, n1, [`data/meetings/${singleId}.md`]);
    const pandoc1 = pandoc ? await pandocBuilds(single, [singleId], n1) : undefined;
    row(`cold build, 1 meeting (html+docx), ${runs(n1)}`, ours1, cell(pandoc1), ratio(ms(ours1.ours), pandoc1), '≤ 1.0×');
    const blank = baseline ? ['', ''] : [];
    rows.push([`Node's own start (\`node -e ''\`), median of 11`, cell(await nodeStarts(childEnv)), '', ...blank, '', '', '']);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const withCerts = await nodeStarts(process.env);
      rows.push([`  the same with NODE_EXTRA_CA_CERTS (set on this machine; every row runs without it)`, cell(withCerts), '', ...blank, '', '', '']);
    }
    let pandocPerMeeting: number | undefined;
    let perMeeting100: number | undefined;
    for (const size of sizes) {
      const n = runsOf(size);
      const dir = path.join(work, `n${size}`);
      const ids = await writeSyntheticArchive(path.join(repo, 'data'), dir, size);
      const full = await ourBuilds(dir, n, [], true, size);
      const times = ms(full.ours);
      const theirs = pandoc && size <= pandocMax ? await pandocBuilds(dir, ids, n) : undefined;
      if (theirs && size === Math.min(pandocMax, 100)) pandocPerMeeting = median(theirs) / size;
      const perMeeting = median(times) / size;
      if (size === 100) perMeeting100 = perMeeting;
      let target = size === 100 ? '≤ 0.1×' : '';
      if (size >= 1000 && perMeeting100) target = `linear: ${(perMeeting / perMeeting100).toFixed(2)}× n=100's time per meeting`;
      row(`full build, ${size} meetings (html+docx), ${runs(n)}`, full, cell(theirs), ratio(times, theirs), target);
      if (size >= 1000 && pandocPerMeeting) {
        const before = full.before && fmt(median(ms(full.before)) / size);
        rows.push([`  per meeting, ${size} meetings (pandoc: its n=100 time per meeting)`, fmt(perMeeting), '', ...(baseline ? [before ?? '', ''] : []), fmt(pandocPerMeeting), `${(perMeeting / pandocPerMeeting).toFixed(3)}×`, '≤ 0.1×']);
      }
      const peak = (samples: Sample[] | undefined) => (samples ? `${Math.max(...samples.map((s) => s.rssMb)).toFixed(0)} MB` : '');
      peaks.push(`${size}: ${peak(full.ours)}${full.before ? ` (before: ${peak(full.before)})` : ''}`);
      if (size >= 1000) rows.push([`peak RSS, ${size} meetings (highest of ${n})`, peak(full.ours), '', ...(baseline ? [peak(full.before), ''] : []), '', '', size === 1000 ? '≤ 250 MB' : '']);
      if (size === 100) {
        const noop = await ourBuilds(dir, 5, [], false, size);
        row('no-op rebuild, 100 meetings, median of 5', noop, '', '', '≤ 150 ms');
        const incidents = (await readdir(path.join(dir, 'data/incidents'))).sort();
        const victim = path.join(dir, 'data/incidents', incidents[0]);
        const before = await readFile(victim, 'utf8');
        const changes: { ours: Sample[]; before?: Sample[] } = { ours: [], ...(baseline && { before: [] }) };
        for (let i = 0; i < 3; i++) {
          await writeFile(victim, before.replace(/^region: (.*)$/m, `region: $1（一部${i}）`));
          changes.ours.push(await ourBuild(repo, dir, [], false));
          if (baseline) changes.before!.push(await ourBuild(baseline, dir, [], false));
        }
        row('one-file change, 100 meetings, median of 3', changes, '', '', '');
        const watched = await watchLatency(repo, dir, ids[3], 'output');
        const latencies = watched.latencies;
        const latenciesBefore = baseline ? (await watchLatency(baseline, dir, ids[3], 'output-baseline')).latencies : undefined;
        notes.push('', 'Where a watch save goes, median time from each step point to the next (src/step-trace.ts):', '', '```', formatSteps(watched), '```', '');
        rows.push([`watch: save → all outputs written, median of ${latencies.length}`, cell(latencies), '', ...(baseline ? [cell(latenciesBefore), ''] : []), '', '', '≤ 30 ms']);
      }
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await written;
  await writeResults(rows, notes, { pandoc, loadBefore, began, peaks, final: true });
}

const header = ['measure', 'ours', 'ours CPU', ...(baseline ? ['before', 'before CPU'] : []), 'pandoc', 'ours/pandoc', 'target'];
const day = new Date().toISOString().slice(0, 10);
const resultsFile = path.join(repo, 'bench/results', `${day}-node${process.versions.node.split('.')[0]}.md`);

/** The table so far, with the machine, to the results file (after every row, so a long run that is stopped keeps its rows). */
async function writeResults(
  rows: string[][],
  notes: string[],
  run: { pandoc: string | undefined; loadBefore: number[]; began: number; peaks: string[]; final: boolean },
): Promise<string> {
  const { pandoc, loadBefore, began, peaks } = run;
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const cpus = os.cpus();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const machine = [
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}.`,
    `Node ${process.version} (zlib ${process.versions.zlib}, V8 ${process.versions.v8}); ${pandoc ?? 'no pandoc'}.`,
    `Load average before ${load(loadBefore)}, after ${load(os.loadavg())} (other processes share the machine); the bench took ${fmt(performance.now() - began)}.`,
    `Peak RSS of every size: ${peaks.join(', ')}. Cells: wall time, median (lowest–highest); CPU: median CPU time of the process, all threads.`,
    ...(baseline ? [`before: ${baseline} (${gitHead(baseline)}), run alternately with ours up to ${baselineMax} meetings.`] : []),
  ];
  const text = `${table}\n\n${[...machine, ...notes, ...(run.final ? [] : ['(unfinished: the run goes on)'])].join('\n')}\n`;
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `# npm run bench, ${day}\n\n${text}`);
  if (run.final) process.stdout.write(`\n${text}Written to ${path.relative(repo, resultsFile)}.\n`);
  return text;
}

await main();
