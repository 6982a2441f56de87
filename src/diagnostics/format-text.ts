import { codeFrame } from './code-frame.js';
import type { Diagnostic } from './diagnostic.js';

export type Lang = 'ja' | 'en';

const severityWords = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

/** Human-readable diagnostics grouped by file, with code frames and a summary line. */
export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  lang: Lang,
  readText: (file: string) => string | undefined,
): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(file);
    const text = readText(file);
    for (const d of [...list].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column)) {
      const where = `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}`;
      out.push(`  ${file}:${d.start.line}:${d.start.column}  ${severityWords[lang][d.severity]}  ${lang === 'ja' ? d.ja : d.en}  ${d.id}`);
      out.push(`    (${where}) ${lang === 'ja' ? d.en : d.ja}`);
      if (d.hint) out.push(`    ${d.hint[lang]}`);
      const frame = text ? codeFrame(text, d) : '';
      if (frame) out.push(frame.replace(/^/gm, '    '));
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  out.push(lang === 'ja' ? `✖ エラー ${errors} 件、警告 ${warnings} 件 (${errors} errors, ${warnings} warnings)` : `✖ ${errors} errors, ${warnings} warnings`);
  return out.join('\n');
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ diagnostics }, null, 2);
}
