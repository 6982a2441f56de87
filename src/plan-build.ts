import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKinds } from './document-types.js';
import type { Project } from './project.js';
import { listPublications, type Publication } from './publications.js';
import { documentKey, isUpToDate, presentOutputs, type Manifest } from './write/manifest.js';
import { mayHaveChanged, type ChangedPaths } from './load/changed-paths.js';
import { ABSENT, stampOf } from './load/file-stamp.js';
import { figureCandidate, resolveFigure } from './load/resolve-figure.js';

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
  /** What may have changed in data/ since that plan (a watch's events); undefined: anything may have. */
  changed?: ChangedPaths;
}

/**
 * Change keys by publication id, with what they were computed from: the texts, and the stamp of every figure file the
 * records name. A key is kept while each such file is as it was: unnamed by the watch's events since (a file reached
 * without a symlink, whose events name it), or else of the same size and times.
 */
export type PublicationKeyMemo = Map<string, { inputs: readonly string[]; figures: readonly KeyFigure[]; key: string }>;

interface KeyFigure {
  file: string;
  stamp: string;
  /** Reached without a symlink: an event for the file names this path. */
  direct: boolean;
}

function isSelected(filePath: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((target) => filePath === target || filePath.startsWith(target + path.sep));
}

/** Step plan: which selected documents are out of date (only those are rendered and written). Writes nothing. */
export function planBuild(project: Project, manifest: Manifest, options: PlanOptions): BuildPlan {
  const plan: BuildPlan = { due: [], unchanged: [], skipped: [] };
  const { publications, skipped } = listPublications(project, options.kinds);
  const present = presentOutputs(options.outDir);
  const keyed = new Set<string>();
  for (const { id, file } of skipped) if (isSelected(file.absolutePath, options.only)) plan.skipped.push({ id, reason: 'errors' });
  for (const publication of publications) {
    // Naming a file a document shows rebuilds every document that shows it.
    const named = [publication.file, ...publication.shows.map((record) => record.file)].some((file) => isSelected(file.absolutePath, options.only));
    if (!named) continue;
    const key = publicationKey(project, publication, options.toolKey, options.keys, options.changed);
    if (!options.force && isUpToDate(manifest, publication.id, key, present)) plan.unchanged.push(publication.id);
    else plan.due.push({ publication, key });
    keyed.add(publication.id);
  }
  // A key this plan did not compute (its document broken or not selected now) may have missed changes meanwhile.
  for (const id of options.keys?.keys() ?? []) if (!keyed.has(id)) options.keys!.delete(id);
  return plan;
}

/** The change key of a document: its own file, and the records it shows with the figures they name. */
function publicationKey(project: Project, publication: Publication, toolKey: string, memo?: PublicationKeyMemo, changed?: ChangedPaths): string {
  const inputs = [toolKey, publication.file.text, ...publication.shows.flatMap((record) => [record.id, record.file.text])];
  const known = memo?.get(publication.id);
  const asBefore = (figure: KeyFigure) => (figure.direct && !mayHaveChanged(changed, figure.file)) || stampOf(figure.file) === figure.stamp;
  if (known && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i]) && known.figures.every(asBefore)) return known.key;
  // A link or image destination, bare or in angle brackets (which may hold spaces): `](x.png)`, `](<a b.png> "title")`.
  const targets = publication.shows.map((record) => [...record.file.text.matchAll(/\]\((?:<([^<>\n]+)>|([^)\s<]+))/g)].map((m) => m[1] ?? m[2]));
  // Stamped before they are read: a figure changed meanwhile makes the next plan compute the key again.
  const figures = targets.flat().flatMap((target) => {
    const file = figureCandidate(project.dataDir, target);
    return typeof file === 'string' ? [{ file, stamp: stampOf(file) }] : [];
  });
  const shown = publication.shows.map((record, i) => ({
    id: record.id,
    text: record.file.text,
    figures: targets[i]
      .map((target) => resolveFigure(project.dataDir, target))
      .filter((f): f is string => f !== undefined)
      .map((f) => readFileSync(f)),
  }));
  const key = documentKey(toolKey, publication.file.text, shown);
  // A figure changed in the last seconds has no stamp yet (file-stamp.ts): the key is computed again next time.
  if (memo && figures.every((f) => f.stamp !== undefined)) {
    const kept = figures.map(({ file, stamp }) => ({ file, stamp: stamp!, direct: stamp !== ABSENT && reachedDirectly(project.dataDir, file) }));
    memo.set(publication.id, { inputs, figures: kept, key });
  } else memo?.delete(publication.id);
  return key;
}

/** Whether a file inside data/ is reached without a symlink (data/ itself may be one). */
function reachedDirectly(dataDir: string, file: string): boolean {
  try {
    return path.relative(realpathSync(dataDir), realpathSync(file)) === path.relative(dataDir, file);
  } catch {
    return false;
  }
}
