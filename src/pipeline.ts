import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createDiagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { documentTypes, isDocumentTypeName } from './document-types.js';
import { locateYamlPath } from './load/locate.js';
import { type ParseCache, readSource } from './load/read-source.js';
import { readCodes, type Codes } from './load/read-codes.js';
import { mapLimited } from './load/map-limited.js';
import type { SourceFile } from './load/source-file.js';
import { fileHasErrors, type Project } from './project.js';
import type { IncidentData } from './schema/incident.js';
import type { MeetingData } from './schema/meeting.js';
import { splitIncidentBody, type IncidentBody } from './validate/check-body.js';
import { rules } from './validate/rules/index.js';
import { validateFrontMatter } from './validate/validate-front-matter.js';

export interface LoadOptions {
  cwd: string;
  /** The data folder: every meeting and incident in it is read, so references resolve. */
  dataDir: string;
  /** Extra files or folders given on the command line (read too). */
  inputs?: readonly string[];
  /** Files parsed by an earlier load of the same process (minutes watch). */
  cache?: ParseCache;
}

/** All .md files below a file or folder, sorted so runs are reproducible. */
export async function findMarkdownFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [target];
  if (info.isFile()) return [target];
  const entries = await readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? findMarkdownFiles(path.join(target, e.name)) : Promise.resolve(e.name.endsWith('.md') ? [path.join(target, e.name)] : []))),
  );
  return nested.flat().sort();
}

export function idOf(file: SourceFile): string {
  return path.basename(file.absolutePath, '.md');
}

/** Stages load + validate: reads every file, reports every problem of every file, keeps the valid records. */
export async function loadProject(options: LoadOptions): Promise<Project> {
  const dataDir = path.resolve(options.cwd, options.dataDir);
  const targets = [dataDir, ...(options.inputs ?? []).map((i) => path.resolve(options.cwd, i))];
  const filePaths = [...new Set((await Promise.all(targets.map(findMarkdownFiles))).flat())].filter(
    (f) => !path.basename(f).toLowerCase().startsWith('readme'),
  );
  const files = await mapLimited(filePaths, (f) => readSource(f, options.cwd, options.cache));
  const project = validateSources(files, dataDir, readCodes(dataDir));
  // Every diagnostic is located by now: drop the syntax trees parsed again to locate them (a watch keeps its trees).
  if (!options.cache) for (const file of files) delete file.yaml, delete file.yamlLines, delete file.yamlText;
  return project;
}

/** Stage validate on files already read (tests start here, from strings). */
export function validateSources(files: SourceFile[], dataDir: string, codes: Codes = readCodes(dataDir), complete = true): Project {
  const project: Project = { dataDir, files, meetings: new Map(), incidents: new Map(), failedIds: new Set(), complete, codes };
  for (const file of files) validateFile(project, file);
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
    project.meetings.delete(id);
    project.incidents.delete(id);
    project.failedIds.add(id);
  }
}

/** What checking one file on its own found: its diagnostics and, when it is valid, its record. */
interface FileVerdict {
  diagnostics: Diagnostic[];
  incident?: { data: IncidentData; body: IncidentBody };
  meeting?: { data: MeetingData };
}

/** Verdicts of files parsed by a watch's cache, which hands out the same origin while a file is unchanged. */
const verdicts = new WeakMap<object, FileVerdict>();

function validateFile(project: Project, file: SourceFile): void {
  let verdict = file.origin && verdicts.get(file.origin);
  if (!verdict) {
    verdict = judgeFile(file);
    if (file.origin) verdicts.set(file.origin, verdict);
  }
  file.diagnostics.push(...verdict.diagnostics);
  const id = idOf(file);
  if (fileHasErrors(file)) project.failedIds.add(id);
  else if (verdict.incident) project.incidents.set(id, { id, file, ...verdict.incident });
  else if (verdict.meeting) project.meetings.set(id, { id, file, ...verdict.meeting });
}

/** Schema and body checks of one file; pure, so a watch reuses it while the file is unchanged. */
function judgeFile(file: SourceFile): FileVerdict {
  if (fileHasErrors(file)) return { diagnostics: [] };
  const type = (file.data as Record<string, unknown> | undefined)?.type;
  if (!isDocumentTypeName(type)) {
    const diagnostic = createDiagnostic('unknown-type', file.path, locateYamlPath(file, ['type']), {
      actual: String(type ?? ''),
      expected: Object.keys(documentTypes).join(', '),
    });
    return { diagnostics: [diagnostic] };
  }
  const { value, diagnostics } = validateFrontMatter(file, documentTypes[type].schema);
  if (type !== 'incident') return { diagnostics, meeting: value ? { data: value as MeetingData } : undefined };
  const report = (value as IncidentData | undefined)?.report;
  const derived = [...(report?.causes?.length ? ['cause' as const] : []), ...(report?.countermeasures?.length ? ['prevention' as const] : [])];
  const { body, diagnostics: bodyDiagnostics } = splitIncidentBody(file, derived);
  return { diagnostics: [...diagnostics, ...bodyDiagnostics], incident: value ? { data: value as IncidentData, body } : undefined };
}

function runRules(project: Project): void {
  const byPath = new Map(project.files.map((f) => [f.path, f]));
  const found: Diagnostic[] = rules.flatMap((rule) => rule.check(project));
  for (const diagnostic of found) {
    const file = byPath.get(diagnostic.file);
    if (!file) throw new Error(`a rule reported a diagnostic for an unknown file: ${diagnostic.file}`);
    file.diagnostics.push(diagnostic);
  }
  // A record whose rules failed is not rendered.
  for (const [id, record] of project.incidents) if (fileHasErrors(record.file)) project.incidents.delete(id), project.failedIds.add(id);
  for (const [id, record] of project.meetings) if (fileHasErrors(record.file)) project.meetings.delete(id), project.failedIds.add(id);
}
