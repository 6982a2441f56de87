import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang, Painter } from '../diagnostics/format-text.js';

/** HH:MM:SS in the machine's local time zone (a watch is read by the person at that machine). */
export function formatLocalClock(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * Remembers which files had errors at the last rebuild of a watch; `fixed` answers which of them are clean now, so
 * the watch can say so instead of leaving the old error as the last thing on the screen.
 */
export function createFixTracker(): { fixed: (diagnostics: readonly Diagnostic[]) => string[] } {
  let failing = new Set<string>();
  return {
    fixed(diagnostics) {
      const now = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      const fixed = [...failing].filter((file) => !now.has(file)).sort();
      failing = now;
      return fixed;
    },
  };
}

/** Clears the screen and the scrollback, and puts the cursor home (what `clear` does). */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

/** The lines a watch prints after a rebuild, before its diagnostics: files fixed since the last one, written, skipped. */
export function formatRebuildLines(
  fixed: readonly string[],
  result: Pick<BuildResult, 'written' | 'skipped'>,
  at: { stamp: string; cwd: string; lang: Lang; paint: Painter },
): string[] {
  const { paint } = at;
  const ja = at.lang === 'ja';
  const stamp = paint.dim(`[${at.stamp}]`);
  return [
    ...fixed.map((file) => `${stamp} ${paint.green(ja ? '解決しました' : 'fixed')}  ${file}`),
    ...result.written.map((file) => `${stamp} ${paint.green(ja ? '書き出し' : 'wrote')}  ${path.relative(at.cwd, file)}`),
    ...result.skipped.map((skip) => `${stamp} ${paint.red(ja ? '未出力' : 'skipped')}  ${skip.id}`),
  ];
}
