import { codeFrame } from './code-frame.js';
import type { Diagnostic, Severity } from './diagnostic.js';

export type Lang = 'ja' | 'en';

/** The colours a terminal report uses (picocolors' functions fit; the default leaves text plain). */
export interface Painter {
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

const PLAIN: Painter = { red: String, green: String, yellow: String, cyan: String, dim: String, bold: String };

const severityWords = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

export interface TextFormatOptions {
  paint?: Painter;
  /** End with the count of errors and warnings (the CLI prints its own summary line instead). */
  tally?: boolean;
}

/** Human-readable diagnostics in one language, grouped by file, with code frames and a count at the end. */
export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  lang: Lang,
  readText: (file: string) => string | undefined,
  { paint = PLAIN, tally = true }: TextFormatOptions = {},
): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const severityColour: Record<Severity, (text: string) => string> = { error: paint.red, warning: paint.yellow, info: paint.cyan };
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint.bold(file));
    const text = readText(file);
    for (const d of [...list].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column)) {
      const where = `${file}:${d.start.line}:${d.start.column}`;
      out.push(`  ${paint.cyan(where)}  ${severityColour[d.severity](severityWords[lang][d.severity])}  ${lang === 'ja' ? d.ja : d.en}  ${paint.dim(d.id)}`);
      if (d.hint) out.push(`    ${d.hint[lang]}`);
      const frame = text ? codeFrame(text, d) : '';
      if (frame) out.push(frame.replace(/^/gm, '    '));
    }
  }
  if (tally) out.push(formatTally(diagnostics, lang));
  return out.join('\n');
}

/** 「✖ エラー 1 件、警告 0 件」 / "✖ 1 error, 0 warnings". */
export function formatTally(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (lang === 'ja') return `✖ エラー ${errors} 件、警告 ${warnings} 件`;
  return `✖ ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ diagnostics }, null, 2);
}
