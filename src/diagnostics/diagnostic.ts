import { catalog, type DiagnosticId } from './catalog.js';

import type { Severity } from './severity.js';
export type { Severity };

/** 1-based line and column; a column counts characters (code points), not bytes. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  id: DiagnosticId;
  severity: Severity;
  file: string;
  start: Position;
  end: Position;
  ja: string;
  en: string;
  hint?: { ja: string; en: string };
  actual?: string;
  expected?: string;
}

export interface Range {
  start: Position;
  end: Position;
}

export type DiagnosticParams = Record<string, string | number | undefined>;

/** Builds a diagnostic from the catalogue entry for `id`. */
export function createDiagnostic(
  id: DiagnosticId,
  file: string,
  range: Range,
  params: DiagnosticParams = {},
): Diagnostic {
  const entry = catalog[id];
  const diagnostic: Diagnostic = {
    id,
    severity: entry.severity,
    file,
    start: range.start,
    end: range.end,
    ja: entry.ja(params),
    en: entry.en(params),
  };
  if (entry.hint) diagnostic.hint = entry.hint;
  if (params.actual !== undefined) diagnostic.actual = String(params.actual);
  if (params.expected !== undefined) diagnostic.expected = String(params.expected);
  return diagnostic;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
