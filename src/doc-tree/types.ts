/**
 * The DocTree: the contract between the render stage and the writers.
 * Both the HTML and the Word writer consume exactly this structure, so the two outputs cannot drift.
 * The vocabulary is closed; markup-to-tree.ts rejects anything else.
 */

export type Inline = TextNode | StrongNode | EmNode | CodeNode | LinkNode | BreakNode | SpanNode;

export interface TextNode {
  type: 'text';
  text: string;
}
export interface StrongNode {
  type: 'strong';
  children: Inline[];
}
export interface EmNode {
  type: 'em';
  children: Inline[];
}
export interface CodeNode {
  type: 'code';
  text: string;
}
export interface LinkNode {
  type: 'link';
  href: string;
  children: Inline[];
}
export interface BreakNode {
  type: 'break';
}
export interface SpanNode {
  type: 'span';
  className?: string;
  lang?: string;
  children: Inline[];
}

export type Block =
  | HeadingNode
  | ParagraphNode
  | ListNode
  | TableNode
  | FigureNode
  | SectionNode
  | RuleNode
  | PageBreakNode;

export interface HeadingNode {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  className?: string;
  children: Inline[];
}
export interface ParagraphNode {
  type: 'paragraph';
  className?: string;
  lang?: string;
  children: Inline[];
}
export interface ListNode {
  type: 'list';
  ordered: boolean;
  start?: number;
  className?: string;
  items: ListItemNode[];
}
export interface ListItemNode {
  children: Block[];
}
export interface TableNode {
  type: 'table';
  className?: string;
  caption?: Inline[];
  rows: TableRowNode[];
}
export interface TableRowNode {
  className?: string;
  cells: TableCellNode[];
}
export interface TableCellNode {
  header: boolean;
  scope?: 'row' | 'col' | 'rowgroup' | 'colgroup';
  colSpan: number;
  rowSpan: number;
  className?: string;
  children: Block[];
}
/** A figure; `src` is undefined for a lost image, which is written as a described placeholder. */
export interface FigureNode {
  type: 'figure';
  src?: string;
  alt: string;
  caption?: Inline[];
}
export interface SectionNode {
  type: 'section';
  className?: string;
  lang?: string;
  children: Block[];
}
export interface RuleNode {
  type: 'rule';
}
export interface PageBreakNode {
  type: 'page-break';
}

export interface DocTree {
  /** Plain-text title (HTML <title>, Word document property). */
  title: string;
  lang: string;
  blocks: Block[];
}
