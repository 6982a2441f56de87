import { isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './source-file.js';
import type { LineIndex } from './line-index.js';
import { parseYaml } from './parse-yaml.js';

export type YamlPath = readonly (string | number)[];

/** The front matter's syntax tree, parsed again if a one-off run dropped it after reading. */
function yamlOf(file: SourceFile): { document: NonNullable<SourceFile['yaml']>; lines: LineIndex } | undefined {
  if (!file.yaml && file.yamlText !== undefined) {
    const parsed = parseYaml(file.yamlText);
    file.yaml = parsed.document;
    file.yamlLines = parsed.lines;
  }
  return file.yaml && file.yamlLines ? { document: file.yaml, lines: file.yamlLines } : undefined;
}

/** Lines of a file, split once per parse (copies handed out by a watch's cache share their origin's). */
export function linesOf(file: SourceFile): readonly string[] {
  const owner = file.origin ?? file;
  owner.lines ??= owner.text.split('\n');
  return owner.lines;
}

/**
 * The range of the YAML node at `path`. For a key that does not exist, the range of the nearest
 * existing ancestor's key (so "missing field" points at its parent). `target: 'key'` returns the
 * key's range instead of the value's (for unknown keys).
 */
export function locateYamlPath(file: SourceFile, path: YamlPath, target: 'value' | 'key' = 'value'): Range {
  const fallback = { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };
  const yaml = yamlOf(file);
  if (!yaml) return fallback;
  let node: unknown = yaml.document.contents;
  let best: Node | undefined = undefined;
  let bestKey: Node | undefined = undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      bestKey = isNode(pair.key) ? pair.key : bestKey;
      best = isNode(pair.value) ? pair.value : bestKey;
      if (i === path.length - 1 && target === 'key' && isNode(pair.key)) return rangeOf(file, pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      best = item;
      bestKey = undefined;
      node = item;
    } else {
      break;
    }
    if (i === path.length - 1 && best) return rangeOf(file, best);
  }
  const anchor = bestKey ?? best;
  return anchor ? rangeOf(file, anchor) : fallback;
}

/** Converts a node's character offsets in the YAML text to file positions. */
export function rangeOf(file: SourceFile, node: Node): Range {
  const [startOffset, valueEnd] = node.range ?? [0, 0];
  return offsetsToRange(file, startOffset, Math.max(startOffset, valueEnd));
}

export function offsetsToRange(file: SourceFile, startOffset: number, endOffset: number): Range {
  const lines = yamlOf(file)!.lines;
  const start = lines.positionAt(startOffset);
  let end = lines.positionAt(endOffset);
  // A multi-line block ends on the next line's column 1: keep it on the last real line.
  if (end.line > start.line && end.column === 1) {
    const lastLine = linesOf(file)[end.line - 2 + file.yamlStartLine - 1] ?? '';
    end = { line: end.line - 1, column: [...lastLine].length + 1 };
  }
  const shift = file.yamlStartLine - 1;
  return {
    start: { line: start.line + shift, column: start.column },
    end: { line: end.line + shift, column: end.column },
  };
}

/** The line:column in the file of the first line of a scalar's value (for block scalars: the first content line). */
export function locateScalarContentStart(file: SourceFile, path: YamlPath): { line: number; indent: number } | undefined {
  const range = locateYamlPath(file, path);
  const startLine = range.start.line;
  const lines = linesOf(file);
  const first = lines[startLine - 1] ?? '';
  if (/^\s*[|>]/.test(first.slice(range.start.column - 1))) {
    const next = lines[startLine] ?? '';
    return { line: startLine + 1, indent: next.length - next.trimStart().length };
  }
  return { line: startLine, indent: range.start.column - 1 };
}
