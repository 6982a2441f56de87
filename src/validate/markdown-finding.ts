import type { DiagnosticId } from '../diagnostics/catalog.js';
import type { createDiagnostic } from '../diagnostics/diagnostic.js';

/** A problem inside a Markdown field, placed relative to the field's first line and column (rules/markdown-content.ts). */
export interface MarkdownFinding {
  id: DiagnosticId;
  lineIndex: number;
  column: number;
  length: number;
  params?: Parameters<typeof createDiagnostic>[3];
}
