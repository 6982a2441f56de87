import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKinds } from './document-types.js';
import type { Project } from './project.js';
import { listPublications, type Publication } from './publications.js';
import { documentKey, isUpToDate, type Manifest } from './write/manifest.js';
import { resolveFigure } from './load/resolve-figure.js';

/** What a build has to do: the documents due (with their change keys), those up to date, and those refused. */
export interface BuildPlan {
  due: { publication: Publication; key: string }[];
  unchanged: string[];
  skipped: { id: string; reason: string }[];
}

export interface PlanOptions {
  kinds?: DocumentKinds;
  /** Absolute paths of the files/folders the user named; empty = every document. */
  only?: readonly string[];
  force?: boolean;
  outDir: string;
  /** The key of what every document shares (manifest.ts toolKey). */
  toolKey: string;
  /** The keys of an earlier plan of the same session (minutes watch), reused while their inputs are the same. */
  keys?: PublicationKeyMemo;
}

/** Change keys by publication id, with the texts they were computed from: only keys that read no figure file. */
export type PublicationKeyMemo = Map<string, { inputs: readonly string[]; key: string }>;

function isSelected(filePath: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((target) => filePath === target || filePath.startsWith(target + path.sep));
}

/** Step plan: which selected documents are out of date (only those are rendered and written). Writes nothing. */
export function planBuild(project: Project, manifest: Manifest, options: PlanOptions): BuildPlan {
  const plan: BuildPlan = { due: [], unchanged: [], skipped: [] };
  const { publications, skipped } = listPublications(project, options.kinds);
  for (const { id, file } of skipped) if (isSelected(file.absolutePath, options.only)) plan.skipped.push({ id, reason: 'errors' });
  for (const publication of publications) {
    // Naming a file a document shows rebuilds every document that shows it.
    const named = [publication.file, ...publication.shows.map((record) => record.file)].some((file) => isSelected(file.absolutePath, options.only));
    if (!named) continue;
    const key = publicationKey(project, publication, options.toolKey, options.keys);
    if (!options.force && isUpToDate(manifest, publication.id, key, options.outDir)) plan.unchanged.push(publication.id);
    else plan.due.push({ publication, key });
  }
  return plan;
}

/** The change key of a document: its own file, and the records it shows with the figures they name. */
function publicationKey(project: Project, publication: Publication, toolKey: string, memo?: PublicationKeyMemo): string {
  const inputs = [toolKey, publication.file.text, ...publication.shows.flatMap((record) => [record.id, record.file.text])];
  const known = memo?.get(publication.id);
  if (known && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i])) return known.key;
  const targets = publication.shows.map((record) => [...record.file.text.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]));
  const shown = publication.shows.map((record, i) => ({
    id: record.id,
    text: record.file.text,
    figures: targets[i]
      .map((target) => resolveFigure(project.dataDir, target))
      .filter((f): f is string => f !== undefined)
      .map((f) => readFileSync(f)),
  }));
  const key = documentKey(toolKey, publication.file.text, shown);
  // A target with a scheme (https:) names no file; any other may name one that appears, changes or goes.
  const readsFiles = targets.flat().some((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
  if (memo && !readsFiles) memo.set(publication.id, { inputs, key });
  else memo?.delete(publication.id);
  return key;
}
