import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A data file as read from disk, with everything later stages need to locate problems in it. */
export interface SourceFile {
  /** Path as shown to the user (relative to the working directory). */
  path: string;
  absolutePath: string;
  text: string;
  /** The YAML front matter, parsed with positions; undefined when the file has none. */
  yaml?: Document.Parsed;
  lineCounter?: LineCounter;
  /** 1-based line of the first front matter line in the file. */
  yamlStartLine: number;
  /** The front matter as plain data (strings stay strings). */
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number;
  diagnostics: Diagnostic[];
}
