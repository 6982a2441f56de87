import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { createDiagnostic, FILE_START } from '../diagnostics/diagnostic.js';
import { findControlCharacters, findEscapedControlCharacters } from './find-control-characters.js';
import { parseYaml } from './parse-yaml.js';
import { mayHaveChanged, type ChangedPaths } from './changed-paths.js';
import { ABSENT, stampOf } from './file-stamp.js';
import type { ParseStore } from './parse-store.js';
import type { SourceFile } from './source-file.js';

/** Largest data file we accept; real minutes are far below this. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Parsed files by absolute path and text, kept by a long-running process (minutes watch) so that a save re-parses
 * only the file that changed. Each hit is a fresh copy: later stages add diagnostics to the files they get.
 */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; file: SourceFile; stamp?: string; cwd: string }>();
  /**
   * What may have changed on disk since the last load, as a watch's folder events name it (files or folders); a file
   * outside them is the one parsed before, without a stat. Undefined: anything may have (every file's stamp is checked).
   */
  changed?: ChangedPaths;

  parse(shown: string, absolutePath: string, text: string, cwd: string, stamp?: string): SourceFile {
    const hit = this.entries.get(absolutePath);
    const file = hit && hit.text === text && hit.cwd === cwd ? hit.file : parseSource(shown, absolutePath, text);
    this.entries.set(absolutePath, { text, file, stamp, cwd });
    return copyOf(file);
  }

  /**
   * The cached parse itself (never to be changed: a load copies it before adding diagnostics), when no change since
   * the last load names the file (or a folder holding it). Neither the path nor the disk is looked at.
   */
  untouched(absolutePath: string, cwd: string): SourceFile | undefined {
    if (mayHaveChanged(this.changed, absolutePath)) return undefined;
    const hit = this.entries.get(absolutePath);
    return hit?.cwd === cwd ? hit.file : undefined;
  }

  /** The file as parsed before, when its size and times on disk are those it had then. */
  unchanged(absolutePath: string, cwd: string, stamp: string): SourceFile | undefined {
    const hit = this.entries.get(absolutePath);
    return hit && hit.stamp === stamp && hit.cwd === cwd ? copyOf(hit.file) : undefined;
  }
}

/** A copy of a cached parse that a load may add diagnostics to. */
export function copyOf(file: SourceFile): SourceFile {
  return { ...file, origin: file, diagnostics: [...file.diagnostics] };
}

/**
 * Reads a data file from disk and splits it into front matter and body. Never throws for a user's mistake. The file is
 * read synchronously: a file of a few kB costs four system calls, less than handing each to libuv's thread pool and
 * waiting for its answer (a one-meeting build's time was partly spent idle, waiting for such reads).
 */
export function readSource(filePath: string, cwd: string, cache?: ParseCache, store?: ParseStore): SourceFile {
  const absolutePath = path.resolve(cwd, filePath);
  const untouched = cache?.untouched(absolutePath, cwd);
  if (untouched) return copyOf(untouched);
  // A file that is not there (or is no regular file) is read anyway, to report why.
  const found = cache ? stampOf(absolutePath) : undefined;
  const stamp = found === ABSENT ? undefined : found;
  const known = stamp ? cache!.unchanged(absolutePath, cwd, stamp) : undefined;
  if (known) return known;
  const shown = path.relative(cwd, absolutePath) || filePath;
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return emptySource(shown, absolutePath, 'file-unreadable', (error as NodeJS.ErrnoException).code ?? 'error');
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return emptySource(shown, absolutePath, 'file-too-large', bytes.length, MAX_FILE_BYTES);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return emptySource(shown, absolutePath, 'invalid-encoding');
  }
  if (cache) return cache.parse(shown, absolutePath, text, cwd, stamp);
  // The syntax trees of a large archive would fill memory; a problem's location parses its file again (locate.ts).
  const file = parseSource(shown, absolutePath, text, store);
  delete file.yaml, delete file.yamlLines;
  return file;
}

/** Splits text that is already in memory (used by tests and by readSource). */
export function parseSource(shown: string, absolutePath: string, rawText: string, store?: ParseStore): SourceFile {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const file: SourceFile = {
    path: shown,
    absolutePath,
    text,
    yamlStartLine: 2,
    data: undefined,
    body: text,
    bodyStartLine: 1,
    diagnostics: findControlCharacters(shown, text),
  };
  if (!/^---[ \t]*\n/.test(text)) {
    file.diagnostics.push(createDiagnostic('missing-front-matter', shown, FILE_START));
    return file;
  }
  // gray-matter only splits; its own YAML engine (js-yaml, YAML 1.1) never parses our files.
  const split = matter(text, { engines: { yaml: () => ({}) } } as never);
  file.body = split.content;
  file.bodyStartLine = countLines(text.slice(0, text.length - split.content.length)) + 1;
  readYamlInto(file, split.matter.replace(/^\n/, ''), store);
  return file;
}

/**
 * A file that is YAML (or JSON, which YAML reads) as a whole, such as templates/style-map.json: parsed with positions
 * so that its problems are located like a data file's.
 */
export function parseStructuredFile(shown: string, absolutePath: string, rawText: string, store?: ParseStore): SourceFile {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const file: SourceFile = { path: shown, absolutePath, text, yamlStartLine: 1, data: undefined, body: '', bodyStartLine: 1, diagnostics: findControlCharacters(shown, text) };
  readYamlInto(file, text, store);
  return file;
}

/**
 * Parses a file's YAML text (starting at file.yamlStartLine), recording its syntax problems as diagnostics. A text
 * the store has a clean parse of takes its data without a syntax tree (a later problem's location parses it then,
 * locate.ts); a clean parse is kept there.
 */
function readYamlInto(file: SourceFile, yamlText: string, store?: ParseStore): void {
  const shown = file.path;
  file.yamlText = yamlText;
  const kept = store?.get(yamlText);
  if (kept) {
    file.data = kept.data;
    return;
  }
  const before = file.diagnostics.length;
  const parsed = parseYaml(yamlText);
  file.yaml = parsed.document;
  file.yamlLines = parsed.lines;
  for (const error of parsed.errors) {
    const start = parsed.lines.positionAt(error.offset);
    const end = parsed.lines.positionAt(Math.max(error.offset, error.endOffset));
    file.diagnostics.push(
      createDiagnostic(
        'yaml-syntax',
        shown,
        {
          start: { line: start.line + file.yamlStartLine - 1, column: start.column },
          end: { line: end.line + file.yamlStartLine - 1, column: end.column },
        },
        { actual: error.message, code: error.code },
      ),
    );
  }
  file.diagnostics.push(...findEscapedControlCharacters(shown, parsed.document, yamlText, file.yamlStartLine));
  if (parsed.tooComplex) file.diagnostics.push(createDiagnostic('yaml-too-complex', shown, FILE_START));
  file.data = parsed.data;
  if (store && file.diagnostics.length === before) store.put(yamlText, parsed.data);
}

function countLines(text: string): number {
  let count = 0;
  for (const ch of text) if (ch === '\n') count++;
  return count;
}

function emptySource(
  shown: string,
  absolutePath: string,
  id: 'file-unreadable' | 'file-too-large' | 'invalid-encoding',
  actual?: string | number,
  expected?: number,
): SourceFile {
  return {
    path: shown,
    absolutePath,
    text: '',
    yamlStartLine: 2,
    data: undefined,
    body: '',
    bodyStartLine: 1,
    diagnostics: [createDiagnostic(id, shown, FILE_START, { actual, expected })],
  };
}
