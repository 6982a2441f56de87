import path from 'node:path';
import { createDiagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { documentTypes, type DocumentKinds } from './document-types.js';
import { locateYamlPath } from './load/locate.js';
import type { ParseStore } from './load/parse-store.js';
import { copyOf, type ParseCache, readSource } from './load/read-source.js';
import { readCodes, type Codes, type CodesMemo } from './load/read-codes.js';
import { isReadme, MarkdownListing } from './load/list-markdown.js';
import type { SourceFile } from './load/source-file.js';
import { createValidationCaches, fileHasErrors, type FileVerdict, type JudgedFile, type Project, type SourceRecord, type ValidationCaches } from './project.js';
import { rules } from './validate/rules/index.js';
import { runRulesIncrementally } from './validate/run-rules.js';
import { validateFrontMatter } from './validate/validate-front-matter.js';
import { traceStep } from './step-trace.js';

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
  const listed = targets.map((target) => caches.listing.list(target, changed));
  const filePaths = listed.length === 1 ? listed[0] : [...new Set(listed.flat())];
  traceStep('load:listed');
  // A file no change names is the session's cached parse itself: validation copies what it adds diagnostics to.
  const files = filePaths.map((f) => caches.parsed?.untouched(f, options.cwd) ?? readSource(f, options.cwd, caches.parsed, caches.store));
  traceStep('load:read');
  const codes = readCodes(dataDir, caches.codes, caches.store, changed);
  const project = validateSources(files, dataDir, codes, true, { kinds: options.kinds, caches: caches.validation, kept: caches.parsed !== undefined });
  // Every diagnostic is located by now: drop the syntax trees parsed again to locate them (a watch keeps its trees).
  if (!caches.parsed) for (const file of project.files) delete file.yaml, delete file.yamlLines, delete file.yamlText;
  return project;
}

/**
 * Reads, parses and checks on its own each data file named (a watch's changed files), ahead of the load that takes
 * them: a watch calls it while it waits out its debounce, and the load then finds the parse and its verdict kept by
 * the session's caches. Nothing is trusted: the load reads each named file again and parses it again unless its text
 * is the one parsed here. A session without a parse cache keeps nothing, so it prepares nothing.
 */
export function prepareFiles(paths: Iterable<string>, options: { cwd: string; kinds?: DocumentKinds; caches: LoadCaches }): void {
  const { caches, kinds = documentTypes } = options;
  const parsed = caches.parsed;
  if (!parsed) return;
  const named = [...paths].filter((at) => at.endsWith('.md') && !isReadme(at));
  // The files are read whatever the last rebuild's changes named (its record says nothing of the saves since).
  const before = parsed.changed;
  parsed.changed = before && new Set([...before, ...named]);
  try {
    for (const at of named) judgeOnce(readSource(at, options.cwd, parsed, caches.store), kinds, caches.validation.judged);
  } finally {
    parsed.changed = before;
  }
}

/**
 * Stage validate on files already read (tests start here, from strings); the diagnostics found are added to them.
 * `kept`: the files are a build session's kept parses (or copies of them, minutes watch): they are left as they are,
 * the project's files are copies with the diagnostics found, and what checking each file on its own gave is kept by
 * its parse (an unchanged file keeps the copy, and its record, of the last load while no other file's finding lands
 * on it).
 */
export function validateSources(
  files: SourceFile[],
  dataDir: string,
  codes: Codes = readCodes(dataDir),
  complete = true,
  { kinds = documentTypes, caches = createValidationCaches(), kept = false }: { kinds?: DocumentKinds; caches?: ValidationCaches; kept?: boolean } = {},
): Project {
  const records = new Map<string, Map<string, SourceRecord>>(Object.keys(kinds).map((type) => [type, new Map()]));
  // The rules read meetings and incidents by their own typed names: the same maps.
  const typed = <R>(type: string) => (records.get(type) ?? new Map()) as Map<string, R>;
  const judged = files.map((file) => judgeOnce(file, kinds, kept ? caches.judged : undefined));
  const project: Project = {
    dataDir,
    files: judged.map((j) => j.file),
    records,
    meetings: typed('meeting'),
    incidents: typed('incident'),
    failedIds: new Set(),
    complete,
    codes,
    caches,
  };
  for (const { id, failed, record } of judged) {
    if (failed) project.failedIds.add(id);
    else if (record) records.get(typeOf(record.file)!)!.set(id, record);
  }
  traceStep('load:validated');
  const added = new Map<SourceFile, Diagnostic[]>();
  rejectSharedIds(project, judged, added);
  runRules(project, added);
  return project;
}

/**
 * What checking a file on its own gives: the file with its diagnostics, its id and, when it is valid, its record.
 * Pure, so with a cache it is kept by the parse the file came from (a watch hands out the same parse while a file is
 * unchanged), and the file is a copy of that parse; without one the file given is the file checked.
 */
function judgeOnce(read: SourceFile, kinds: DocumentKinds, cache?: ValidationCaches['judged']): JudgedFile {
  const parse = read.origin ?? read;
  const kept = cache?.get(parse);
  if (kept) return kept;
  const file = cache ? copyOf(parse) : read;
  const verdict = judgeFile(file, kinds);
  file.diagnostics.push(...verdict.diagnostics);
  const id = idOf(file);
  const type = typeOf(file);
  const failed = fileHasErrors(file);
  const valid = !failed && verdict.valid && type !== undefined && Object.hasOwn(kinds, type) ? verdict.valid : undefined;
  const judged: JudgedFile = { file, id, failed, ...(valid && { record: { id, file, ...valid } }) };
  cache?.set(parse, judged);
  return judged;
}

/**
 * A record's id is its file name without .md, so two files of that name in different folders would silently stand
 * for each other: both are reported and neither is used.
 */
function rejectSharedIds(project: Project, judged: readonly JudgedFile[], added: Map<SourceFile, Diagnostic[]>): void {
  const first = new Map<string, SourceFile>();
  let shared: Map<string, SourceFile[]> | undefined;
  for (const { id, file } of judged) {
    const other = first.get(id);
    if (!other) first.set(id, file);
    else (shared ??= new Map()).set(id, [...(shared.get(id) ?? [other]), file]);
  }
  for (const [id, files] of shared ?? []) {
    for (const file of files) {
      const others = files.filter((f) => f !== file).map((f) => f.path).join(', ');
      addTo(added, file, [createDiagnostic('duplicate-id', file.path, FILE_START, { actual: id, expected: others })]);
    }
    for (const byId of project.records.values()) byId.delete(id);
    project.failedIds.add(id);
  }
}

function addTo(added: Map<SourceFile, Diagnostic[]>, file: SourceFile, diagnostics: readonly Diagnostic[]): void {
  const list = added.get(file) ?? added.set(file, []).get(file)!;
  list.push(...diagnostics);
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

/**
 * Runs the rules, then gives each file that a rule or a shared id found something in a copy with those diagnostics
 * (and its record that copy, or drops the record when one is an error: a record whose rules failed is not rendered).
 */
function runRules(project: Project, added: Map<SourceFile, Diagnostic[]>): void {
  const found: Diagnostic[] = runRulesIncrementally(project, rules, project.caches.rules);
  if (found.length === 0 && added.size === 0) return;
  const at = new Map(project.files.map((f, index) => [f.path, index]));
  for (const diagnostic of found) {
    const index = at.get(diagnostic.file);
    if (index === undefined) throw new Error(`a rule reported a diagnostic for an unknown file: ${diagnostic.file}`);
    addTo(added, project.files[index], [diagnostic]);
  }
  for (const [file, diagnostics] of added) {
    const extended: SourceFile = { ...file, diagnostics: [...file.diagnostics, ...diagnostics] };
    project.files[at.get(file.path)!] = extended;
    const id = idOf(file);
    const byId = project.records.get(typeOf(file) ?? '');
    const record = byId?.get(id);
    if (!byId || record?.file !== file) continue;
    if (fileHasErrors(extended)) byId.delete(id), project.failedIds.add(id);
    else byId.set(id, { ...record, file: extended });
  }
}
