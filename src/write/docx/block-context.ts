import type { BarChartData } from '../svg/bar-chart.js';
import type { DocumentParts } from './document-parts.js';
import type { StyleMap } from './style-map.js';

/**
 * What the block writer (blocks.ts) and the table writer (tables.ts) share: the table writer converts its cells'
 * blocks with the function it is given, so neither module imports the other.
 */
export interface BlockContext {
  map: StyleMap;
  parts: DocumentParts;
  /** Width available to the blocks, in twips. */
  width: number;
  /** Style for paragraphs without a class of their own (Body, TableLabel, TableValue). */
  paragraphStyle: string;
  /** Nesting depth of lists (0 outside lists). */
  listLevel: number;
  resolveFigure: (src: string) => string | undefined;
  charts: Record<string, BarChartData>;
  lang?: string;
  /** Left indent of the enclosing sections (a quote), which lists inside them add to their own. */
  indentTwips?: number;
}
