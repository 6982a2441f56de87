import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingView } from '../normalize/normalize-meeting.js';
import { writeFileAtomic } from './atomic-write.js';

export const MANIFEST_NAME = '.minutes-manifest.json';

/**
 * How a document is listed on the site pages, as of its last good build: a meeting's view (its index row and its
 * register rows) or a report's title. A document whose inputs break keeps this listing (last-good-state.ts).
 */
export interface Listing {
  meeting?: MeetingView;
  report?: { incidentId: string; title: string };
}

/** What the last build wrote for each meeting, keyed by a hash of everything the outputs depend on. */
export interface Manifest {
  version: 1;
  meetings: Record<string, { hash: string; outputs: string[]; listing?: Listing }>;
  /** The last whole run: its key (run-key.ts) and the problems it reported, so an unchanged run can repeat them. */
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

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(manifest.meetings).sort(([a], [b]) => a.localeCompare(b)));
  const run = manifest.run ? { run: manifest.run } : {};
  await writeFileAtomic(path.join(outDir, MANIFEST_NAME), `${JSON.stringify({ version: 1, meetings: sorted, ...run }, null, 2)}\n`);
}

/** Whether every output the manifest lists is still on disk. */
export function allOutputsPresent(manifest: Manifest, outDir: string): boolean {
  return Object.values(manifest.meetings).every((entry) => entry.outputs.every((o) => existsSync(path.join(outDir, o))));
}

/** Whether a meeting's outputs are current: same input hash and every output still on disk. */
export function isUpToDate(manifest: Manifest, id: string, hash: string, outDir: string): boolean {
  const entry = manifest.meetings[id];
  return entry !== undefined && entry.hash === hash && entry.outputs.every((o) => existsSync(path.join(outDir, o)));
}

/**
 * Outputs a document had before its rebuild that it no longer has (a format not asked for this time, a figure it
 * no longer shows), and that no other document lists (figures and charts may be shared).
 */
export function staleOutputs(manifest: Manifest, id: string, previous: readonly string[]): string[] {
  const current = new Set(manifest.meetings[id]?.outputs ?? []);
  const elsewhere = new Set(Object.entries(manifest.meetings).flatMap(([other, entry]) => (other === id ? [] : entry.outputs)));
  return previous.filter((name) => !current.has(name) && !elsewhere.has(name));
}

/** Every output the manifest lists for some document: what the index may link to. */
export function listedOutputs(manifest: Manifest): Set<string> {
  return new Set(Object.values(manifest.meetings).flatMap((entry) => entry.outputs));
}
