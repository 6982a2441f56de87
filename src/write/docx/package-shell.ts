import { compressEntry, type ZipEntry } from './zip-writer.js';
import type { StyleMap } from './style-map.js';
import type { PackageParts } from './normalize-package.js';

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

type FileParts = Record<string, { View?: unknown } | undefined>;

/**
 * The shared parts whose text follows from the style map and the writer's fixed options alone, never from a
 * document's content, with the object of the docx package's File that the compiler formats for each: formatted for
 * the first document of a shell, then taken from it (formatting the styles alone costs more than compressing every
 * part).
 */
const FORMATTED_ONCE: readonly (readonly [(file: FileParts) => unknown, string])[] = [
  [(file) => file.Styles, 'word/styles.xml'],
  [(file) => file.Settings, 'word/settings.xml'],
  [(file) => file.FontTable?.View, 'word/fontTable.xml'],
  [(file) => file.CustomProperties, 'docProps/custom.xml'],
  [(file) => file.FileRelationships, '_rels/.rels'],
];

/** What the docx package's compiler needs of a formatter. */
interface Formatter {
  format(input: unknown, context?: { file?: FileParts }): unknown;
}
/** The docx package's compiler (Packer's, not in its public types): its parts, from a File. */
export interface PackageCompiler {
  formatter: Formatter;
  compile(file: unknown, prettify: undefined, overrides: []): PackageParts;
}

/** Texts kept per shared part: a part may have a few forms (the content types of a document with charts). */
const VARIANTS_PER_PART = 4;

/** Written by the formatter in place of a part formatted once; replaced by the part's text before zipping. */
const STUB = 'minutes-shared-part';

/**
 * What the Word files of one style map have in common, formatted and compressed once: created by whoever writes a
 * series of Word files with that style map (a worker thread, a build) and dropped with it; never a module-level
 * cache. A compressed part is reused only when its text is exactly the one compressed before.
 */
export class DocxPackageShell {
  private readonly parts = new Map<string, Map<string, ZipEntry>>();
  private readonly formatted = new Map<string, string>();
  private compiler: PackageCompiler | undefined;

  constructor(readonly styleMap: StyleMap) {}

  /**
   * The parts of a File. The first time, as the docx package's compiler gives them all; after that, the parts of
   * FORMATTED_ONCE are not formatted again but copied from the first document.
   */
  compile(compiler: PackageCompiler, file: unknown): PackageParts {
    if (this.formatted.size === 0) {
      const parts = compiler.compile(file, undefined, []);
      for (const [, name] of FORMATTED_ONCE) {
        const text = parts.get(name);
        if (typeof text !== 'string') throw new Error(`docx package shell: the compiler gave no text for ${name}`);
        this.formatted.set(name, text);
      }
      return parts;
    }
    this.compiler ??= skippingCompiler(compiler);
    const parts = this.compiler.compile(file, undefined, []);
    for (const [, name] of FORMATTED_ONCE) {
      if (!String(parts.get(name)).includes(STUB)) throw new Error(`docx package shell: ${name} was formatted again`);
      parts.set(name, this.formatted.get(name)!);
    }
    return parts;
  }

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

/** The compiler with a formatter that writes a stub for the File's parts of FORMATTED_ONCE, and formats the rest. */
function skippingCompiler(compiler: PackageCompiler): PackageCompiler {
  const real = compiler.formatter;
  const formatter: Formatter = {
    format(input, context) {
      const file = context?.file;
      if (file) for (const [objectOf, name] of FORMATTED_ONCE) if (input === objectOf(file)) return { [STUB]: { _attr: { part: name } } };
      return real.format(input, context);
    },
  };
  return Object.assign(Object.create(compiler) as PackageCompiler, { formatter });
}
