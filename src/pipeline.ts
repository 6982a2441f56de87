import { traceStep } from './step-trace.js';
import path from 'node:path';
import { createDiagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { documentTypes, type DocumentKinds } from './document-types.js';
import { locateYamlPath } from './load/locate.js';
import type { ParseStore } from './load/parse-store.js';
import { type ParseCache, readSource } from './load/read-source.js';
import { readCodes, type Codes, type CodesMemo } from './load/read-codes.js';
import { MarkdownListing } from './load/list-markdown.js';
import type { SourceFile } from './load/source-file.js';
import { createValidationCaches, fileHasErrors, type FileVerdict, type Project, type SourceRecord, type ValidationCaches } from './project.js';
import { rules } from './validate/rules/index.js';
import { runRulesIncrementally } from './validate/run-rules.js';
import { validateFrontMatter } from './validate/validate-front-matter.js';

export interface LoadOptions {
  cwd: string;
  /** The data folder: every meeting and incident in it is read, so references resolve. */
  dataDir: string;
  /** Extra files or folders given on the command line (read too). */
  inputs?: readonly string[];
  /** The kinds of document (default: documentTypes). */
  kinds?: DocumentKinds;
  /** What the build session keeps between loads (build-session.ts); a one-off load starts with empty ones. */
  caches?: LoadCaches;
}

/** Everything a load remembers between the loads of one build session. */
export interface LoadCaches {
  /** Files parsed by an earlier load of the same session (minutes watch): their syntax trees are kept. */
  parsed?: ParseCache;
  validation: ValidationCaches;
  codes: CodesMemo;
  /** The data folders' entries: a watch's load lists again only the folders its events name. */
  listing: MarkdownListing;
  /** Clean parses kept on disk between runs (load/parse-store.ts): a one-off build's session opens one. */
  store?: ParseStore;
}

export function createLoadCaches(): LoadCaches {
  return { validation: createValidationCaches(), codes: {}, listing: new MarkdownListing() };
}

export function idOf(file: SourceFile): string {
  return path.basename(file.absolutePath, '.md');
}

/** Stages load + validate: reads every file, reports every problem of every file, keeps the valid records. */
export async function loadProject(options: LoadOptions): Promise<Project> {
  const dataDir = path.resolve(options.cwd, options.dataDir);
  const targets = [dataDir, ...(options.inputs ?? []).map((i) => path.resolve(options.cwd, i))];
  const caches = options.caches ?? createLoadCaches();
  // Files a watch's events name nothing about are taken as they were (a one-off load has no parse cache: everything is read).
  const changed = caches.parsed?.changed;
  const filePaths = [...new Set(targets.flatMap((target) => caches.listing.list(target, changed)))].filter(
    (f) => !path.basename(f).toLowerCase().startsWith('readme'),
  );
  traceStep('load:listed');
  const files = filePaths.map((f) => readSource(f, options.cwd, caches.parsed, caches.store));
  traceStep('load:read');
  const codes = readCodes(dataDir, caches.codes, caches.store, changed);
  const project = validateSources(files, dataDir, codes, true, { kinds: options.kinds, caches: caches.validation });
  // Every diagnostic is located by now: drop the syntax trees parsed again to locate them (a watch keeps its trees).
  if (!caches.parsed) for (const file of files) delete file.yaml, delete file.yamlLines, delete file.yamlText;
  return project;
}

/** Stage validate on files already read (tests start here, from strings). */
export function validateSources(
  files: SourceFile[],
  dataDir: string,
  codes: Codes = readCodes(dataDir),
  complete = true,
  { kinds = documentTypes, caches = createValidationCaches() }: { kinds?: DocumentKinds; caches?: ValidationCaches } = {},
): Project {
  const records = new Map<string, Map<string, SourceRecord>>(Object.keys(kinds).map((type) => [type, new Map()]));
  // The rules read meetings and incidents by their own typed names: the same maps.
  const typed = <R>(type: string) => (records.get(type) ?? new Map()) as Map<string, R>;
  const project: Project = { dataDir, files, records, meetings: typed('meeting'), incidents: typed('incident'), failedIds: new Set(), complete, codes, caches };
  for (const file of files) validateFile(project, file, kinds);
  traceStep('load:validated');
  rejectSharedIds(project);
  runRules(project);
  return project;
}

/**
 * A record's id is its file name without .md, so two files of that name in different folders would silently stand
 * for each other: both are reported and neither is used.
 */
function rejectSharedIds(project: Project): void {
  const byId = new Map<string, SourceFile[]>();
  for (const file of project.files) byId.set(idOf(file), [...(byId.get(idOf(file)) ?? []), file]);
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file).map((f) => f.path).join(', ');
      file.diagnostics.push(createDiagnostic('duplicate-id', file.path, FILE_START, { actual: id, expected: others }));
    }
    for (const byId of project.records.values()) byId.delete(id);
    project.failedIds.add(id);
  }
}

function validateFile(project: Project, file: SourceFile, kinds: DocumentKinds): void {
  // A watch's parse cache hands out the same origin while a file is unchanged: its verdict is reused.
  const verdicts = project.caches.verdicts;
  let verdict = file.origin && verdicts.get(file.origin);
  if (!verdict) {
    verdict = judgeFile(file, kinds);
    if (file.origin) verdicts.set(file.origin, verdict);
  }
  file.diagnostics.push(...verdict.diagnostics);
  const id = idOf(file);
  const byId = project.records.get(typeOf(file) ?? '');
  if (fileHasErrors(file)) project.failedIds.add(id);
  else if (verdict.valid && byId) byId.set(id, { id, file, ...verdict.valid });
}

const typeOf = (file: SourceFile): string | undefined => {
  const type = (file.data as Record<string, unknown> | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
};

/** Schema and body checks of one file, as its kind says; pure, so a watch reuses it while the file is unchanged. */
function judgeFile(file: SourceFile, kinds: DocumentKinds): FileVerdict {
  if (fileHasErrors(file)) return { diagnostics: [] };
  const type = typeOf(file);
  const kind = type !== undefined && Object.hasOwn(kinds, type) ? kinds[type] : undefined;
  if (!kind) {
    const actual = (file.data as Record<string, unknown> | undefined)?.type;
    const diagnostic = createDiagnostic('unknown-type', file.path, locateYamlPath(file, ['type']), {
      actual: String(actual ?? ''),
      expected: Object.keys(kinds).join(', '),
    });
    return { diagnostics: [diagnostic] };
  }
  const { value, diagnostics } = validateFrontMatter(file, kind.schema);
  const sections = kind.bodySections?.(file, value);
  const all = [...diagnostics, ...(sections?.diagnostics ?? [])];
  if (value === undefined) return { diagnostics: all };
  return { diagnostics: all, valid: { data: value, ...(sections && { body: sections.body }) } };
}

function runRules(project: Project): void {
  const byPath = new Map(project.files.map((f) => [f.path, f]));
  const found: Diagnostic[] = runRulesIncrementally(project, rules, project.caches.rules);
  for (const diagnostic of found) {
    const file = byPath.get(diagnostic.file);
    if (!file) throw new Error(`a rule reported a diagnostic for an unknown file: ${diagnostic.file}`);
    file.diagnostics.push(diagnostic);
  }
  // A record whose rules failed is not rendered.
  for (const byId of project.records.values()) {
    for (const [id, record] of byId) if (fileHasErrors(record.file)) byId.delete(id), project.failedIds.add(id);
  }
}
