import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ImportResult } from './import-minutes.js';
import type { ImportNote } from './source-lines.js';

/** Every note of one import as an `import-uncertain` warning at its line of the input text. */
export function importDiagnostics(result: ImportResult, inputText: string): Diagnostic[] {
  const lines = inputText.split(/\r\n|\r|\n/);
  const all: ImportNote[] = [...result.notes, ...result.incidents.flatMap((i) => i.notes)];
  return all
    .map((n) => {
      const width = [...(lines[n.line - 1] ?? '')].length;
      return createDiagnostic(
        'import-uncertain',
        result.input,
        { start: { line: n.line, column: 1 }, end: { line: n.line, column: Math.max(1, width) + 1 } },
        { detail: n.ja, detailEn: n.en, actual: n.actual },
      );
    })
    .sort((a, b) => a.start.line - b.start.line);
}
