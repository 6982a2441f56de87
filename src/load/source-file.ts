import type { Document } from 'yaml';
import type { LineIndex } from './line-index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A data file as read from disk, with everything later stages need to locate problems in it. */
export interface SourceFile {
  /** Path as shown to the user (relative to the working directory). */
  path: string;
  absolutePath: string;
  text: string;
  /** The YAML front matter, parsed with positions; undefined when the file has none. */
  yaml?: Document.Parsed;
  /** Positions inside the front matter text. */
  yamlLines?: LineIndex;
  /** The front matter text: a one-off run drops the syntax tree after reading and parses again only to locate a problem. */
  yamlText?: string;
  /** 1-based line of the first front matter line in the file. */
  yamlStartLine: number;
  /** The front matter as plain data (strings stay strings). */
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number;
  diagnostics: Diagnostic[];
  /** The cached parse this file is a copy of (minutes watch): the same object while the file's text is unchanged. */
  origin?: SourceFile;
  /** The text's lines, split on first use (locate.ts linesOf), on the origin when there is one, so copies share them. */
  lines?: readonly string[];
}
