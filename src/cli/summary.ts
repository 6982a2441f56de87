import type { Lang } from '../diagnostics/format-text.js';

export interface RunCounts {
  errors: number;
  warnings: number;
  /** Files written (build only). */
  written?: number;
  /** Documents left as they were since nothing they depend on changed (build only). */
  unchanged?: number;
  /** Documents not written because of errors; their earlier outputs stay (build only). */
  refused?: number;
  /** Data files read (check only). */
  checked?: number;
  /** Nothing changed since the last run: the data was not even read. */
  nothingChanged?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one line that ends every check and build: what happened, the problems, and the time taken. */
export function formatSummary(counts: RunCounts, elapsedMs: number, lang: Lang): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  const mark = counts.errors > 0 ? '✖' : '✔';
  const parts: string[] = [];
  if (lang === 'ja') {
    if (counts.nothingChanged) parts.push('変更なし（すべて）');
    if (counts.checked !== undefined) parts.push(`${counts.checked} ファイルを検査`);
    if (counts.written !== undefined) parts.push(`書き出し ${counts.written} ファイル`);
    if (counts.unchanged) parts.push(`変更なし ${counts.unchanged} 件`);
    if (counts.refused) parts.push(`エラーのため未出力 ${counts.refused} 件（以前の出力を保持）`);
    parts.push(`エラー ${counts.errors} 件`, `警告 ${counts.warnings} 件`, `${seconds} 秒`);
    return `${mark} ${parts.join('、')}`;
  }
  if (counts.nothingChanged) parts.push('nothing changed');
  if (counts.checked !== undefined) parts.push(`${plural(counts.checked, 'file')} checked`);
  if (counts.written !== undefined) parts.push(`${plural(counts.written, 'file')} written`);
  if (counts.unchanged) parts.push(`${counts.unchanged} unchanged`);
  if (counts.refused) parts.push(`${counts.refused} refused because of errors (earlier outputs kept)`);
  parts.push(plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), `${seconds} s`);
  return `${mark} ${parts.join(', ')}`;
}
