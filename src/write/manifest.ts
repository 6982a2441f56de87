import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingListing } from '../normalize/meeting-listing.js';
import { writeTextAtomic } from './atomic-write.js';

/**
 * The manifest module owns what a build knows of its output folder: the file names of the site (this table), the
 * record of what each document wrote, and the change keys (a document's, and a whole run's) that decide what is due.
 */
export const MANIFEST_NAME = '.minutes-manifest.json';

/** The site's own files in the output folder (besides each document's outputs). */
export const siteFiles = {
  index: 'index.html',
  register: 'incidents.html',
  registerCsv: 'incidents.csv',
  registerJson: 'incidents.json',
  registerSchema: 'incidents.schema.json',
  registerChart: 'incidents-by-year.svg',
  stylesheet: 'styles.css',
  fragmentStylesheet: 'fragment.css',
} as const;

/**
 * How a document is listed on the site pages, as of its last good build: a meeting's listing (its index row and its
 * register rows) or a report's title. A document whose inputs break keeps this listing (last-good-state.ts).
 */
export interface Listing {
  meeting?: MeetingListing;
  /** A document the index lists by title (a report; its kind's index entry), and the record it is published from. */
  report?: { incidentId: string; title: string };
}

/** What the last build wrote for each meeting, keyed by a hash of everything the outputs depend on. */
export interface Manifest {
  version: 1;
  meetings: Record<string, { hash: string; outputs: string[]; listing?: Listing }>;
  /** The last whole run: its key (runKey) and the problems it reported, so an unchanged run can repeat them. */
  run?: { key: string; diagnostics: Diagnostic[]; siteFiles: string[] };
}

export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? `${part.length}:` : `${part.byteLength}b:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (parsed.version === 1 && typeof parsed.meetings === 'object' && parsed.meetings) return parsed;
  } catch {
    // No manifest, or an unreadable one: everything is rebuilt.
  }
  return { version: 1, meetings: {} };
}

type ManifestEntry = Manifest['meetings'][string];

/**
 * The JSON text of each entry as last written, while the entry holds the same key, outputs and listing (objects a
 * build replaces, never changes inside): a watch writes its manifest after every save, and most entries are as they were.
 */
export type ManifestTexts = WeakMap<ManifestEntry, { hash: string; outputs: string[]; listing?: Listing; text: string }>;

/**
 * The manifest as `JSON.stringify(…, null, 2)` writes it, entries sorted by id, written entry by entry (the whole text is
 * never in memory); with `texts` (a watch), unchanged entries' texts are reused.
 */
export async function writeManifest(outDir: string, manifest: Manifest, texts?: ManifestTexts): Promise<void> {
  const entries = Object.entries(manifest.meetings).sort(([a], [b]) => a.localeCompare(b));
  const entryText = (entry: ManifestEntry) => {
    const known = texts?.get(entry);
    if (known && known.hash === entry.hash && known.outputs === entry.outputs && sameListing(known.listing, entry.listing)) return known.text;
    const text = indentedJson(entry, 2);
    texts?.set(entry, { hash: entry.hash, outputs: entry.outputs, listing: entry.listing, text });
    return text;
  };
  function* parts(): Iterable<string> {
    yield '{\n  "version": 1,\n  "meetings": ';
    if (entries.length === 0) yield '{}';
    else {
      for (const [i, [id, entry]] of entries.entries()) yield `${i === 0 ? '{\n' : ',\n'}    ${JSON.stringify(id)}: ${entryText(entry)}`;
      yield '\n  }';
    }
    if (manifest.run) yield `,\n  "run": ${indentedJson(manifest.run, 1)}`;
    yield '\n}\n';
  }
  await writeTextAtomic(path.join(outDir, MANIFEST_NAME), parts());
}

/** The same listing: a build lists an unchanged meeting with the same view object, a report by the same title. */
function sameListing(a: Listing | undefined, b: Listing | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.meeting !== b.meeting) return false;
  return a.report === b.report || (a.report?.incidentId === b.report?.incidentId && a.report?.title === b.report?.title);
}

/** A value as JSON.stringify(value, null, 2) writes it `depth` levels down (a JSON string holds no raw line break). */
function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** Whether every output the manifest lists is still on disk. */
export function allOutputsPresent(manifest: Manifest, outDir: string): boolean {
  const present = presentOutputs(outDir);
  return Object.values(manifest.meetings).every((entry) => entry.outputs.every(present));
}

/**
 * Whether an output (a name in the output folder, `figures/x.png` for one below it) is on disk, each folder listed
 * once when first asked about: a listing of a few hundred names costs less than a stat per output.
 */
export function presentOutputs(outDir: string): (name: string) => boolean {
  const listings = new Map<string, Set<string>>();
  return (name) => {
    const folder = path.dirname(name);
    let names = listings.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(path.join(outDir, folder)));
      } catch {
        names = new Set();
      }
      listings.set(folder, names);
    }
    return names.has(path.basename(name));
  };
}

/** Whether a meeting's outputs are current: same input hash and every output still on disk. */
export function isUpToDate(manifest: Manifest, id: string, hash: string, present: (name: string) => boolean): boolean {
  const entry = manifest.meetings[id];
  return entry !== undefined && entry.hash === hash && entry.outputs.every(present);
}

/**
 * Records a document's outputs under its change key; returns the outputs it had before that it no longer has (and
 * that no other document lists): the build removes them, so nothing stale stays published.
 */
export function recordOutputs(manifest: Manifest, id: string, key: string, outputs: string[]): string[] {
  // A deleted output, a copied figure included, makes the document due again (and the figure copied again).
  const previous = manifest.meetings[id]?.outputs ?? [];
  manifest.meetings[id] = { hash: key, outputs };
  return staleOutputs(manifest, id, previous);
}

/**
 * Outputs a document had before its rebuild that it no longer has (a format not asked for this time, a figure it
 * no longer shows), and that no other document lists (figures and charts may be shared).
 */
export function staleOutputs(manifest: Manifest, id: string, previous: readonly string[]): string[] {
  const current = new Set(manifest.meetings[id]?.outputs ?? []);
  const gone = previous.filter((name) => !current.has(name));
  // Most rebuilds make the outputs they made before: no other document's need be looked at.
  if (gone.length === 0) return [];
  const elsewhere = new Set(Object.entries(manifest.meetings).flatMap(([other, entry]) => (other === id ? [] : entry.outputs)));
  return gone.filter((name) => !elsewhere.has(name));
}

/** The site files present in the output folder: a run with a broken page keeps the one it had, or has none. */
export function presentSiteFiles(outDir: string): string[] {
  return Object.values(siteFiles).filter((name) => existsSync(path.join(outDir, name)));
}

/**
 * The change key of one document: the tool key, its own file's text, and each record it shows with the figures
 * that record names. Equal to the manifest's, with every output in place, means the document is up to date.
 */
export function documentKey(toolKey: string, ownText: string, shown: readonly { id: string; text: string; figures: readonly Uint8Array[] }[]): string {
  return hashParts([toolKey, ownText, ...shown.map((record) => hashParts([record.id, record.text, ...record.figures]))]);
}

/** The key of what every document of a build shares: the running code, the templates, the codes and the options. */
export function toolKey(codeHash: string, templateFiles: readonly Uint8Array[], codes: unknown, options: string): string {
  return hashParts([codeHash, ...templateFiles, JSON.stringify(codes), options]);
}

/**
 * Every file under a folder, sorted, with its bytes (a missing folder has none). A symlink counts as what it leads
 * to, read through (editing the target of a symlinked record must rebuild); a dangling one by where it points.
 */
function filesUnder(root: string): { name: string; bytes: Uint8Array | string }[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const files = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
  // Read synchronously: a data file of a few kB costs less read at once than handed to libuv's thread pool.
  return files.map((file) => ({ name: path.relative(root, file), bytes: contentOf(file) }));
}

function contentOf(file: string): Uint8Array | string {
  const info = statOrUndefined(file);
  if (!info) return `dangling symlink to ${readLinkOrMark(file)}`;
  // A symlink to a folder: its files are not records of this folder (the loader does not follow it either).
  if (!info.isFile()) return `not a file: ${info.isDirectory() ? 'folder' : 'special'}`;
  return new Uint8Array(readFileSync(file));
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function readLinkOrMark(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '?';
  }
}

/**
 * The change key of a whole run: the running code, the templates, every file of the data folder (records, figures,
 * codes) and the options. Equal to the last run's key, with its outputs in place, means the build would write
 * nothing and report the same problems: the build session then answers from the manifest without parsing.
 */
export async function runKey(codeHash: string, dataDir: string, templatesDir: string, options: unknown): Promise<string> {
  const [data, templates] = [filesUnder(dataDir), filesUnder(templatesDir)];
  return hashParts([
    codeHash,
    JSON.stringify(options),
    ...data.flatMap((f) => [`data/${f.name}`, f.bytes]),
    ...templates.flatMap((f) => [`templates/${f.name}`, f.bytes]),
  ]);
}

/** The last run's answer, when its key is `key` and every output and site file it left is still in place. */
export function unchangedRun(manifest: Manifest, outDir: string, key: string): { diagnostics: Diagnostic[] } | undefined {
  const run = manifest.run;
  if (!run || run.key !== key || !allOutputsPresent(manifest, outDir)) return undefined;
  return run.siteFiles.every((f) => existsSync(path.join(outDir, f))) ? { diagnostics: run.diagnostics } : undefined;
}

/** Every output the manifest lists for some document: what the index may link to. */
export function listedOutputs(manifest: Manifest): Set<string> {
  return new Set(Object.values(manifest.meetings).flatMap((entry) => entry.outputs));
}
