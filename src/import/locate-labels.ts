import type { SourceLine } from './source-lines.js';

/** The lines of a block as one text, with a way back from a position to the lines. */
export interface FlowText {
  text: string;
  /** Lines between two positions of the text, the first and last cut at those positions. */
  slice(from: number, to: number): SourceLine[];
  lineAt(offset: number): number;
}

export function flowText(lines: readonly SourceLine[]): FlowText {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    // A lost figure or a rebuilt table keeps its place in the flow as one private-use character.
    text += (l.figure || l.table ? '\uE000' : l.text) + '\n';
  }
  const indexAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    lineAt: (offset) => lines[indexAt(offset)]?.line ?? 1,
    slice(from, to) {
      if (to <= from) return [];
      const out: SourceLine[] = [];
      for (let i = indexAt(from); i < lines.length && starts[i] < to; i++) {
        const l = lines[i];
        const a = Math.max(0, from - starts[i]);
        const b = Math.min(l.figure || l.table ? 1 : l.text.length, to - starts[i]);
        if (l.figure || l.table) {
          if (a === 0 && b >= 1) out.push(l);
          continue;
        }
        const text = l.text.slice(a, Math.max(a, b));
        if (text.trim() || l.breakAfter) out.push({ ...l, text, breakAfter: l.breakAfter && starts[i] + l.text.length <= to });
      }
      return out.filter((l) => l.figure || l.table || l.text.trim());
    },
  };
}

/** A label of the table, printed with any spacing or line breaks between its characters. */
export function labelPattern(label: string): string {
  return label
    .split('')
    .filter((c) => !/\s/.test(c))
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
}

/** The first match of a label at or after `from`, standing alone (whitespace or the line's edge on both sides). */
export function findLabel(text: string, pattern: string, from: number): { index: number; end: number } | undefined {
  const re = new RegExp(`(?:^|(?<=\\s))(?:${pattern})(?=\\s|$)`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : undefined;
}
