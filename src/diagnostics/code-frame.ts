import type { Diagnostic } from './diagnostic.js';

/** Display width of a character in a terminal: East Asian wide and full-width characters take two cells. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x09) return 4;
  if (code < 0x20) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** A few lines of the file around the diagnostic, with a caret line placed by display width. */
export function codeFrame(text: string, diagnostic: Diagnostic, context = 1): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic;
  if (start.line < 1 || start.line > lines.length) return '';
  const first = Math.max(1, start.line - context);
  const last = Math.min(lines.length, start.line);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = lines[n - 1].replace(/\t/g, '    ');
    out.push(`${n === start.line ? '>' : ' '} ${String(n).padStart(gutter)} | ${line}`);
  }
  const chars = [...lines[start.line - 1]];
  const before = displayWidth(chars.slice(0, start.column - 1).join(''));
  const endColumn = end.line === start.line ? Math.max(end.column, start.column + 1) : chars.length + 1;
  const underline = Math.max(1, displayWidth(chars.slice(start.column - 1, endColumn - 1).join('')));
  out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(before)}${'^'.repeat(underline)}`);
  return out.join('\n');
}
