import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocTree } from '../doc-tree/types.js';
import type { BarChartData } from '../model/bar-chart-data.js';

/** Document properties of a publication (the Word core properties; the HTML title). */
export interface PublicationProperties {
  title: string;
  subject: string;
  creator: string;
  /** ISO date the document is dated; undefined when the record's dates are not published. */
  date?: string;
}

export interface RenderedPublication {
  tree?: DocTree;
  /** Charts drawn from the data, by output name (an SVG file beside the page); figures name them as their source. */
  charts?: Map<string, BarChartData>;
  diagnostics: Diagnostic[];
  properties: PublicationProperties;
}

