import type { Block, FigureNode, Inline, TableNode } from '../../doc-tree/types.js';
import { figurePlaceholderText } from '../figure-text.js';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapeMap[ch]);
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '' && !(typeof v === 'number' && v === 1))
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}

export interface HtmlSerializeOptions {
  /** Maps a figure's source to the URL written in the page, or undefined if it cannot be published. */
  figureUrl: (src: string) => string | undefined;
  /** Added to every heading's level (at most h6): a fragment placed under a CMS page's own headings. */
  headingOffset?: number;
}

export function serializeInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.text);
        case 'strong':
          return `<strong>${serializeInlines(node.children)}</strong>`;
        case 'em':
          return `<em>${serializeInlines(node.children)}</em>`;
        case 'code':
          return `<code>${escapeHtml(node.text)}</code>`;
        case 'link':
          return `<a${attrs({ href: node.href })}>${serializeInlines(node.children)}</a>`;
        case 'break':
          return '<br>';
        case 'span':
          return `<span${attrs({ class: node.className, lang: node.lang })}>${serializeInlines(node.children)}</span>`;
      }
    })
    .join('');
}

function serializeFigure(node: FigureNode, options: HtmlSerializeOptions): string {
  const caption = node.caption ? `<figcaption>${serializeInlines(node.caption)}</figcaption>` : '';
  const url = node.src ? options.figureUrl(node.src) : undefined;
  if (url) return `<figure class="figure"><img${attrs({ src: url, alt: node.alt })}>${caption}</figure>\n`;
  return `<figure class="figure figure-missing"><p class="figure-placeholder">${escapeHtml(figurePlaceholderText(node))}</p>${caption}</figure>\n`;
}

function serializeTable(node: TableNode, options: HtmlSerializeOptions): string {
  const caption = node.caption ? `<caption>${serializeInlines(node.caption)}</caption>` : '';
  const rows = node.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const tag = cell.header ? 'th' : 'td';
          const attributes = attrs({ scope: cell.scope, colspan: cell.colSpan, rowspan: cell.rowSpan, class: cell.className });
          return `<${tag}${attributes}>${serializeBlocks(cell.children, options)}</${tag}>`;
        })
        .join('');
      return `<tr${attrs({ class: row.className })}>${cells}</tr>\n`;
    })
    .join('');
  return `<table${attrs({ class: node.className })}>${caption}\n<tbody>\n${rows}</tbody></table>\n`;
}

export function serializeBlocks(blocks: readonly Block[], options: HtmlSerializeOptions): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(6, block.level + (options.headingOffset ?? 0));
          return `<h${level}${attrs({ class: block.className })}>${serializeInlines(block.children)}</h${level}>\n`;
        }
        case 'paragraph':
          return `<p${attrs({ class: block.className, lang: block.lang })}>${serializeInlines(block.children)}</p>\n`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          const items = block.items.map((item) => `<li>${serializeBlocks(item.children, options)}</li>\n`).join('');
          return `<${tag}${attrs({ class: block.className, start: block.start })}>\n${items}</${tag}>\n`;
        }
        case 'table':
          return serializeTable(block, options);
        case 'figure':
          return serializeFigure(block, options);
        case 'section':
          return `<div${attrs({ class: block.className, lang: block.lang })}>\n${serializeBlocks(block.children, options)}</div>\n`;
        case 'rule':
          return '<hr>\n';
        case 'page-break':
          return '';
      }
    })
    .join('');
}
