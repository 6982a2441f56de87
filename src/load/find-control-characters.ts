import { visit, type Document } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from './line-index.js';

/**
 * Invisible characters that have no place in published text: C0 controls other than tab and line feed, DEL, C1
 * controls, and the bidirectional overrides and isolates (they reorder what a reader sees). A NUL reached the CSV
 * as a 0x00 byte, U+000B made the chart's SVG ill-formed XML.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The code point as people look it up: U+0001. */
function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One located error per control character of a file's text (line feeds already normalized). */
export function findControlCharacters(shown: string, text: string): Diagnostic[] {
  if (!CONTROL.test(text)) return [];
  const matches = [...text.matchAll(new RegExp(CONTROL.source, 'g'))];
  if (matches.length === 0) return [];
  const lines = new LineIndex(text);
  return matches.map((match) => {
    const start = lines.positionAt(match.index);
    const end = { line: start.line, column: start.column + 1 };
    return createDiagnostic('control-character', shown, { start, end }, { actual: codePointLabel(match[0]) });
  });
}

/**
 * Control characters written as escapes in double-quoted YAML ("\0", "\x01", "\u000b"): the text holds none, the
 * value does. Each is reported at its scalar.
 */
export function findEscapedControlCharacters(shown: string, document: Document.Parsed, yamlText: string, firstLine: number): Diagnostic[] {
  // Only a double-quoted scalar's escape (a backslash) makes a character the text does not hold.
  if (!yamlText.includes('\\')) return [];
  const found: Diagnostic[] = [];
  const lines = new LineIndex(yamlText);
  const onLine = (offset: number) => {
    const at = lines.positionAt(offset);
    return { line: at.line + firstLine - 1, column: at.column };
  };
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const character = node.value.match(CONTROL)?.[0];
      const [from, to] = node.range;
      if (!character || CONTROL.test(yamlText.slice(from, to))) return;
      found.push(createDiagnostic('control-character', shown, { start: onLine(from), end: onLine(to) }, { actual: codePointLabel(character) }));
    },
  });
  return found;
}
