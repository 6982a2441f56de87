import { defaultTreeAdapter, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type {
  Block,
  FigureNode,
  Inline,
  ListItemNode,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '../doc-tree/types.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Markup the tree cannot represent, with the tag and a short context, for a diagnostic. */
export interface MarkupProblem {
  tag: string;
  context: string;
  /** Where the element starts in the markup, and its start tag as written: only when asked for (`locate`). */
  at?: { offset: number; startTag: string };
}

const INLINE_TAGS = new Set(['strong', 'b', 'em', 'i', 'code', 'a', 'br', 'span', 'img']);

const CELL_ATTRIBUTES = ['class', 'scope', 'colspan', 'rowspan'] as const;

/**
 * The closed vocabulary: every element this step reads, with the attributes it reads from it. A template that writes
 * anything else is reported before rendering (check-templates.ts); the README's template section lists the same.
 */
export const MARKUP_VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  h1: ['class'],
  h2: ['class'],
  h3: ['class'],
  h4: ['class'],
  p: ['class', 'lang'],
  ul: ['class', 'start'],
  ol: ['class', 'start'],
  li: [],
  table: ['class'],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: ['class'],
  th: CELL_ATTRIBUTES,
  td: CELL_ATTRIBUTES,
  figure: [],
  figcaption: [],
  img: ['src', 'alt', 'title'],
  section: ['class', 'lang'],
  div: ['class', 'lang'],
  blockquote: ['class', 'lang'],
  hr: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  code: [],
  a: ['href'],
  br: [],
  span: ['class', 'lang'],
};

/**
 * Parses the closed markup vocabulary that templates and Markdown produce into a DocTree.
 * Anything outside the vocabulary is reported as a problem and left out; nothing passes through silently.
 */
export function markupToTree(markup: string, options: { locate?: boolean } = {}): { blocks: Block[]; problems: MarkupProblem[] } {
  const problems = new Problems(markup);
  // A table row is read as soon as the parser closes it (nothing is added below a closed element) and its parsed
  // children are dropped: a long table (the register page: ≈ 20 MB of parsed nodes at 1000 meetings) is never held
  // whole, parsed and read at once. Its problems are told where the table reads the row, so they keep the markup's order.
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    onItemPop(element) {
      if (element.tagName !== 'tr') return;
      problems.rows.set(element, problems.collect(() => readRow(element, problems)));
      element.childNodes = [];
    },
  };
  const fragment = parseFragment(markup, { sourceCodeLocationInfo: options.locate === true, treeAdapter });
  const blocks = readBlocks(fragment.childNodes, problems);
  return { blocks, problems: problems.found };
}

/** Where the readers report markup outside the vocabulary (the element, and what to say about it), and the rows read. */
class Problems {
  found: MarkupProblem[] = [];
  /** Table rows read when the parser closed them, with the problems found in each. */
  readonly rows = new WeakMap<Element, { row: TableRowNode; found: MarkupProblem[] }>();
  constructor(private readonly markup: string) {}

  push(element: Element, problem: MarkupProblem): void {
    const location = element.sourceCodeLocation;
    this.found.push(location ? { ...problem, at: { offset: location.startOffset, startTag: this.markup.slice(location.startOffset, location.startTag?.endOffset ?? location.endOffset) } } : problem);
  }

  /** Reads a row with its problems set aside, to be told where its table reads it. */
  collect(read: () => TableRowNode): { row: TableRowNode; found: MarkupProblem[] } {
    const outer = this.found;
    this.found = [];
    try {
      return { row: read(), found: this.found };
    } finally {
      this.found = outer;
    }
  }
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node)) return node.childNodes.map(textOf).join('');
  return '';
}

function readBlocks(nodes: readonly Node[], problems: Problems): Block[] {
  const blocks: Block[] = [];
  let pendingInline: Node[] = [];
  const flushInline = () => {
    const children = readInlines(pendingInline, problems);
    pendingInline = [];
    const trimmed = trimInlines(children);
    if (trimmed.length > 0) blocks.push({ type: 'paragraph', children: trimmed });
  };
  for (const node of nodes) {
    if (node.nodeName === '#comment') continue;
    if (!isElement(node) || INLINE_TAGS.has(node.tagName)) {
      pendingInline.push(node);
      continue;
    }
    flushInline();
    const block = readBlock(node, problems);
    if (block) blocks.push(...(Array.isArray(block) ? block : [block]));
  }
  flushInline();
  return blocks;
}

function readBlock(element: Element, problems: Problems): Block | Block[] | undefined {
  const className = attr(element, 'class');
  const lang = attr(element, 'lang');
  switch (element.tagName) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
      return {
        type: 'heading',
        level: Number(element.tagName[1]) as 1 | 2 | 3 | 4,
        ...(className && { className }),
        children: trimInlines(readInlines(element.childNodes, problems)),
      };
    case 'p': {
      const meaningful = element.childNodes.filter((n) => !(n.nodeName === '#text' && !textOf(n).trim()));
      if (meaningful.length > 0 && meaningful.every((n) => isElement(n) && n.tagName === 'img')) {
        return meaningful.map((img) => imageToFigure(img as Element));
      }
      const children = trimInlines(readInlines(element.childNodes, problems));
      return { type: 'paragraph', ...(className && { className }), ...(lang && { lang }), children };
    }
    case 'ul':
    case 'ol': {
      const items: ListItemNode[] = [];
      for (const child of element.childNodes) {
        if (!isElement(child)) continue;
        if (child.tagName !== 'li') {
          problems.push(child, { tag: child.tagName, context: `inside <${element.tagName}>` });
          continue;
        }
        items.push({ children: readBlocks(child.childNodes, problems) });
      }
      const start = attr(element, 'start');
      return {
        type: 'list',
        ordered: element.tagName === 'ol',
        ...(start && { start: Number(start) }),
        ...(className && { className }),
        items,
      };
    }
    case 'table':
      return readTable(element, problems);
    case 'figure':
      return readFigure(element, problems);
    case 'section':
    case 'div':
    case 'blockquote':
      return {
        type: 'section',
        className: className ?? (element.tagName === 'blockquote' ? 'quote' : undefined),
        ...(lang && { lang }),
        children: readBlocks(element.childNodes, problems),
      };
    case 'hr':
      return { type: 'rule' };
    case 'thead':
    case 'tbody':
      return readBlocks(element.childNodes, problems);
    default:
      problems.push(element, { tag: element.tagName, context: textOf(element).slice(0, 40) });
      return undefined;
  }
}

function imageToFigure(img: Element, caption?: Inline[]): FigureNode {
  const src = attr(img, 'src') ?? '';
  const title = attr(img, 'title');
  return {
    type: 'figure',
    ...(src.trim() && { src: src.trim() }),
    alt: attr(img, 'alt') ?? '',
    ...(caption ? { caption } : title ? { caption: [{ type: 'text', text: title }] } : {}),
  };
}

function readFigure(element: Element, problems: Problems): FigureNode | undefined {
  const img = findDescendant(element, 'img');
  const figcaption = findDescendant(element, 'figcaption');
  if (!img) {
    problems.push(element, { tag: 'figure', context: 'a figure without <img>' });
    return undefined;
  }
  return imageToFigure(img, figcaption ? trimInlines(readInlines(figcaption.childNodes, problems)) : undefined);
}

function findDescendant(element: Element, tag: string): Element | undefined {
  for (const child of element.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) return child;
    const found = findDescendant(child, tag);
    if (found) return found;
  }
  return undefined;
}

function readTable(element: Element, problems: Problems): TableNode {
  const table: TableNode = { type: 'table', rows: [] };
  const className = attr(element, 'class');
  if (className) table.className = className;
  const visit = (nodes: readonly Node[]) => {
    for (const child of nodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'caption') table.caption = trimInlines(readInlines(child.childNodes, problems));
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child.childNodes);
      else if (child.tagName === 'tr') table.rows.push(readRowOnce(child, problems));
      else problems.push(child, { tag: child.tagName, context: 'inside <table>' });
    }
  };
  visit(element.childNodes);
  return table;
}

/** A row as read when the parser closed it (its problems told now), or read now. */
function readRowOnce(row: Element, problems: Problems): TableRowNode {
  const read = problems.rows.get(row);
  if (!read) return readRow(row, problems);
  problems.found.push(...read.found);
  return read.row;
}

function readRow(row: Element, problems: Problems): TableRowNode {
  const cells: TableCellNode[] = [];
  for (const child of row.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName !== 'td' && child.tagName !== 'th') {
      problems.push(child, { tag: child.tagName, context: 'inside <tr>' });
      continue;
    }
    const scope = attr(child, 'scope');
    const className = attr(child, 'class');
    cells.push({
      header: child.tagName === 'th',
      ...(scope === 'row' || scope === 'col' || scope === 'rowgroup' || scope === 'colgroup' ? { scope } : {}),
      colSpan: Number(attr(child, 'colspan') ?? 1),
      rowSpan: Number(attr(child, 'rowspan') ?? 1),
      ...(className && { className }),
      children: readBlocks(child.childNodes, problems),
    });
  }
  const className = attr(row, 'class');
  return { ...(className && { className }), cells };
}

function readInlines(nodes: readonly Node[], problems: Problems): Inline[] {
  const inlines: Inline[] = [];
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const text = textOf(node).replace(/[ \t\n\r\f]+/g, ' ');
      if (text) inlines.push({ type: 'text', text });
      continue;
    }
    if (!isElement(node)) continue;
    const children = () => readInlines(node.childNodes, problems);
    switch (node.tagName) {
      case 'strong':
      case 'b':
        inlines.push({ type: 'strong', children: children() });
        break;
      case 'em':
      case 'i':
        inlines.push({ type: 'em', children: children() });
        break;
      case 'code':
        inlines.push({ type: 'code', text: textOf(node) });
        break;
      case 'a':
        inlines.push({ type: 'link', href: attr(node, 'href') ?? '', children: children() });
        break;
      case 'br':
        inlines.push({ type: 'break' });
        break;
      case 'span': {
        const className = attr(node, 'class');
        const lang = attr(node, 'lang');
        inlines.push({ type: 'span', ...(className && { className }), ...(lang && { lang }), children: children() });
        break;
      }
      default:
        problems.push(node, { tag: node.tagName, context: textOf(node).slice(0, 40) || 'inline' });
    }
  }
  return inlines;
}

/** Drops the spaces that markup indentation leaves at the start and end of a block, and after line breaks. */
function trimInlines(inlines: Inline[]): Inline[] {
  const result = inlines.map((inline) => ({ ...inline }));
  for (let i = 0; i < result.length; i++) {
    const node = result[i];
    if (node.type !== 'text') continue;
    const previous = result[i - 1];
    if (i === 0 || previous?.type === 'break') node.text = node.text.replace(/^ +/, '');
    const next = result[i + 1];
    if (i === result.length - 1 || next?.type === 'break') node.text = node.text.replace(/ +$/, '');
  }
  return result.filter((node) => node.type !== 'text' || node.text !== '');
}
