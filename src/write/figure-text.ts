import type { FigureNode } from '../doc-tree/types.js';

/** The visible text standing in for a figure whose image was lost: both writers print exactly this. */
export function figurePlaceholderText(figure: FigureNode): string {
  return `［図］${figure.alt}`;
}
