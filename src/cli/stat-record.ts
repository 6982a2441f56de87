import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../diagnostics/format-text.js';
import { writeCacheFile } from '../load/cache-file.js';
import { cacheFolder } from '../load/cache-folder.js';
import { describeFile } from '../load/describe-file.js';
import { compareOrdinal } from '../model/compare-ordinal.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What an unchanged run prints besides its time: worked out by a normal run, kept in the stat record for the fast path. */
export interface UnchangedAnswer<Text extends string | Uint8Array = string> {
  code: number;
  /** The tool's version (the JSON report names it). */
  version: string;
  counts: { errors: number; warnings: number; infos: number };
  /** Every diagnostic, for --json (empty otherwise: the text has them). */
  diagnostics: Diagnostic[];
  /** The diagnostics as printed on stderr, code frames included (empty when there are none). */
  text: Text;
}

/**
 * The stat record of a run (issue 16): what `minutes build` saw when the last run with the same command line ended
 * with nothing left to do, so that the next identical run can answer "nothing changed" from a few hundred stat calls
 * (src/cli/fast-path.ts, loaded by bin/minutes.js before the bundle) instead of hashing every file.
 *
 * A file is described by (dev, ino, size, mtime ns, ctime ns): an edit of the same size within the same second
 * changes the ctime (which no program can set back), a file replaced by another changes the inode. Racy-git rule: a
 * file changed too shortly before its stat was taken could change again with the same description, so a group with
 * such a file is never recorded, and never trusted.
 */
export const STAT_RECORD_VERSION = 1;

/** What a run's answer depends on besides its files: the tool, the command line, where it ran, the Node and the locale. */
export interface RecordKey {
  /** The checkout the tool runs from (two checkouts may share one node_modules, and so one cache). */
  tool: string;
  argv: string[];
  cwd: string;
  node: string;
  execPath: string;
  locale: (string | null)[];
}

/** Folders whose every file is watched (their listings too), and single paths (a missing one is watched as missing). */
export interface WatchedPaths {
  trees: string[];
  files: string[];
}

/** The paths of a group, described at one moment (`takenAt`, ms since the epoch, read just before the first stat). */
export interface StatGroup extends WatchedPaths {
  takenAt: number;
  /** Every folder of the trees, and its entry names (a file added, removed or renamed there changes them). */
  folders: string[];
  listings: string[][];
  /** Every file and symlink in those folders. */
  treeFiles: string[];
  /** The description of every file of the trees, then of every single path. */
  descriptions: string[];
}

export interface StatRecord {
  version: typeof STAT_RECORD_VERSION;
  key: RecordKey;
  /** The tool's code, the project's configuration, data, templates and named inputs: statted before the run read them. */
  inputs: StatGroup;
  /** The manifest, every output and site file it lists, and the files the diagnostics quote: statted after the run. */
  outputs: StatGroup;
  /** What the unchanged run prints: in this language, as JSON or not; its diagnostics as text painted or plain. */
  answer: Omit<UnchangedAnswer, 'text'> & { lang: Lang; json: boolean };
  texts: { plain: Uint8Array; colour: Uint8Array };
}

/** The key of this process's run. */
export function currentKey(tool: string, argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): RecordKey {
  return { tool, argv: [...argv], cwd, node: process.version, execPath: process.execPath, locale: [env.LC_ALL ?? null, env.LC_MESSAGES ?? null, env.LANG ?? null] };
}

/** Where the record of a key lives (cache-folder.ts). */
export function recordFile(key: RecordKey): string | undefined {
  const folder = cacheFolder(key.tool);
  return folder && path.join(folder, 'runs', `${fnv1a64(JSON.stringify([key.tool, key.cwd, key.argv]))}.json`);
}

/**
 * A file name for a key (FNV-1a, 64 bits, in hex). Not a digest: a record holds its whole key, compared on reading,
 * so two keys with the same name only take turns in one file.
 */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** A folder's entry names, sorted, or why it cannot be read. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch (error) {
    return [`unreadable ${(error as NodeJS.ErrnoException).code ?? 'error'}`];
  }
}

/** Every folder of a tree with its entry names (symlinked folders not followed, as the loader), and every file or symlink. */
function walkTree(root: string, found: { folders: string[]; listings: string[][]; treeFiles: string[] }): void {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => compareOrdinal(a.name, b.name));
  } catch {
    entries = undefined;
  }
  found.folders.push(root);
  // The names from the same reading as the files described: a file added meanwhile is seen by the next check.
  found.listings.push(entries ? entries.map((e) => e.name) : namesIn(root));
  for (const entry of entries ?? []) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) walkTree(full, found);
    else if (entry.isFile() || entry.isSymbolicLink()) found.treeFiles.push(full);
  }
}

/**
 * Describes the paths now (`takenAt` now, when not given): every folder of the trees by its entry names, every file
 * in them and every single path by its description. `racy` when a file changed too shortly before `takenAt` for its
 * description to be trusted.
 */
export function statGroup(paths: WatchedPaths, takenAt = Date.now()): { group: StatGroup; racy: boolean } {
  const found = { folders: [] as string[], listings: [] as string[][], treeFiles: [] as string[] };
  for (const root of paths.trees) walkTree(root, found);
  const { descriptions, racy } = describeFiles([...found.treeFiles, ...paths.files], takenAt);
  return { group: { trees: paths.trees, files: paths.files, takenAt, ...found, descriptions }, racy };
}

function describeFiles(files: readonly string[], takenAt: number): { descriptions: string[]; racy: boolean } {
  const takenAtNs = BigInt(takenAt) * 1_000_000n;
  let racy = false;
  const descriptions = files.map((file) => {
    const described = describeFile(file, takenAtNs);
    racy ||= described.racy;
    return described.text;
  });
  return { descriptions, racy };
}

/** Why a record does not hold now (undefined: it holds, and its answer is this run's answer). */
export function recordMismatch(record: StatRecord, key: RecordKey): string | undefined {
  if (record.version !== STAT_RECORD_VERSION) return 'record version';
  if (JSON.stringify(record.key) !== JSON.stringify(key)) return 'tool, command line, folder, Node or locale';
  for (const name of ['inputs', 'outputs'] as const) {
    const recorded = record[name];
    if (JSON.stringify(recorded.folders.map(namesIn)) !== JSON.stringify(recorded.listings)) return `${name}: a folder's listing`;
    const now = describeFiles([...recorded.treeFiles, ...recorded.files], recorded.takenAt);
    if (now.racy) return `${name}: changed too recently to trust`;
    if (JSON.stringify(now.descriptions) !== JSON.stringify(recorded.descriptions)) return `${name}: a file`;
  }
  return undefined;
}

/** The record at `file`, if it is one (a missing, unreadable or corrupt record is none). */
export function readStatRecord(file: string): StatRecord | undefined {
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(0x0a);
    const { texts: lengths, ...record } = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Omit<StatRecord, 'texts'> & { texts: [number, number] };
    const valid = record.version === STAT_RECORD_VERSION && record.inputs?.folders && record.outputs?.folders && end + 1 + lengths[0] + lengths[1] === bytes.length;
    if (!valid) return undefined;
    const colourStart = end + 1 + lengths[0];
    return { ...record, texts: { plain: bytes.subarray(end + 1, colourStart), colour: bytes.subarray(colourStart) } };
  } catch {
    return undefined;
  }
}

/**
 * Writes a record (temp file and rename, so a reader never sees half of one); a failure leaves no record. On disk: the
 * record as one line of JSON, then the two texts' bytes (printed as they are, never decoded).
 */
export function writeStatRecord(file: string, record: StatRecord): void {
  const { texts, ...rest } = record;
  const head = `${JSON.stringify({ ...rest, texts: [texts.plain.byteLength, texts.colour.byteLength] })}\n`;
  if (!writeCacheFile(file, Buffer.concat([Buffer.from(head), texts.plain, texts.colour]))) forgetStatRecord(file);
}

export function forgetStatRecord(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // A record that cannot be removed is harmless: it describes files as they were, and any change since shows.
  }
}
