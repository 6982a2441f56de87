import type { BuildProgress } from '../build.js';
import type { Lang } from '../diagnostics/format-text.js';

export interface ProgressLine {
  show: (event: BuildProgress) => void;
  /** Removes the line, before anything else is printed. */
  clear: () => void;
}

/** A single line redrawn in place on a terminal: documents done out of total, the current one, the PDF conversion. */
export function createProgressLine(write: (text: string) => void, lang: Lang, columns: number): ProgressLine {
  let shown = false;
  return {
    show(event) {
      const text =
        event.stage === 'pdf'
          ? lang === 'ja'
            ? `PDF に変換中… Word ${event.total} 件（LibreOffice）`
            : `converting ${event.total} Word files to PDF (LibreOffice)…`
          : `[${event.done + 1}/${event.total}] ${event.id}`;
      write(`\r\x1b[2K${text.slice(0, Math.max(10, columns - 1))}`);
      shown = true;
    },
    clear() {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}

export const NO_PROGRESS: ProgressLine = { show: () => undefined, clear: () => undefined };
