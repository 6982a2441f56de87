import { compressEntry, type ZipEntry } from './zip-writer.js';
import type { StyleMap } from './style-map.js';

/**
 * Parts of a Word package that are the same for every document of a style map (styles, settings, fonts, theme,
 * footer, content types, the notes parts and the relationships between them). Only document.xml, numbering.xml,
 * the document's relationships, the properties, media and charts change between documents.
 */
const SHARED_PARTS: ReadonlySet<string> = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/custom.xml',
  'word/styles.xml',
  'word/settings.xml',
  'word/fontTable.xml',
  'word/_rels/fontTable.xml.rels',
  'word/theme/theme1.xml',
  'word/footer1.xml',
  'word/_rels/footer1.xml.rels',
  'word/footnotes.xml',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/_rels/endnotes.xml.rels',
]);

/** Texts kept per shared part: a part may have a few forms (the content types of a document with charts). */
const VARIANTS_PER_PART = 4;

/**
 * What the Word files of one style map have in common, compressed once: created by whoever writes a series of Word
 * files with that style map (a worker thread, a build) and dropped with it; never a module-level cache. A part is
 * reused only when its text is exactly the one compressed before, so a document's bytes never depend on what was
 * written before it.
 */
export class DocxPackageShell {
  private readonly parts = new Map<string, Map<string, ZipEntry>>();

  constructor(readonly styleMap: StyleMap) {}

  /** The compressed entry of a part: from the shell when it is a shared part seen before, otherwise compressed now. */
  entry(name: string, text: string | undefined, bytes: () => Uint8Array): ZipEntry {
    if (text === undefined || !SHARED_PARTS.has(name)) return compressEntry(name, bytes());
    let variants = this.parts.get(name);
    if (!variants) this.parts.set(name, (variants = new Map()));
    const known = variants.get(text);
    if (known) return known;
    const entry = compressEntry(name, bytes());
    if (variants.size < VARIANTS_PER_PART) variants.set(text, entry);
    return entry;
  }
}
