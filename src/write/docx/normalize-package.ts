import { unzipSync, strFromU8 } from 'fflate';
import { compressEntry, writeZip } from './zip-writer.js';
import type { DocxPackageShell } from './package-shell.js';
import type { PackageParts } from './package-parts.js';

/**
 * Makes a docx package reproducible: the document dates come from the data (not the clock), random
 * relationship ids are renumbered in order of appearance (unless `idsInOrder`: written so already), and the zip is
 * written with fixed entry times. With a shell, the parts every document of its style map shares are compressed once.
 */
export function zipReproducibly(parts: PackageParts, isoDate: string, shell?: DocxPackageShell, idsInOrder = false): Uint8Array {
  const stamp = `${isoDate}T00:00:00Z`;
  const names = [...parts.keys()];
  const texts = new Map<string, string>();
  for (const name of names) {
    const part = parts.get(name)!;
    if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof part === 'string' ? part : strFromU8(part));
  }
  const core = texts.get('docProps/core.xml');
  if (core) {
    texts.set(
      'docProps/core.xml',
      core
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
        .replace(/(<cp:lastPrinted[^>]*>)[^<]*(<\/cp:lastPrinted>)/, `$1${stamp}$2`)
        .replace(/(<dc:language>[^<]*<\/dc:language>)?<\/cp:coreProperties>/, '<dc:language>ja-JP</dc:language></cp:coreProperties>'),
    );
  }
  const document = texts.get('word/document.xml');
  if (document && texts.has('docProps/app.xml')) texts.set('docProps/app.xml', extendedProperties(document));
  // Our body writer numbers its ids in order already (write-docx.ts); the docx package's parts need it done.
  if (!idsInOrder) {
    renumberRandomIds(texts);
    renumberDrawingIds(texts);
  }
  const entries = names.map((name) => {
    const text = texts.get(name);
    const part = parts.get(name)!;
    const bytes = () => {
      const raw = text !== undefined ? Buffer.from(text, 'utf8') : typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      // A chart's data travels as an embedded workbook, itself a zip stamped with the build time: made reproducible too.
      return /\.xlsx$/.test(name) ? normalizeDocxPackage(raw, isoDate) : raw;
    };
    return shell ? shell.entry(name, text, bytes) : compressEntry(name, bytes());
  });
  return writeZip(entries);
}

/** The application that wrote the package, in docProps/app.xml. */
export const APPLICATION_NAME = 'minutes (電気通信事故検証会議 議事要旨)';

/**
 * docProps/app.xml (the docx package leaves it empty): the application and the counts a writer can know without
 * laying out pages. Word and LibreOffice recompute pages and lines when they open the file.
 */
function extendedProperties(documentXml: string): string {
  const body = documentXml.replace(/<w:footerReference[^>]*>/g, '');
  const paragraphs = (body.match(/<w:p[ >]/g) ?? []).length;
  const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const characters = [...text.replace(/&(amp|lt|gt|quot|apos);/g, '_')];
  const withSpaces = characters.length;
  const withoutSpaces = characters.filter((c) => !/\s/.test(c)).length;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<TotalTime>0</TotalTime><Characters>${withoutSpaces}</Characters><Application>${APPLICATION_NAME}</Application>` +
    `<DocSecurity>0</DocSecurity><Paragraphs>${paragraphs}</Paragraphs><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>` +
    `<CharactersWithSpaces>${withSpaces}</CharactersWithSpaces><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
  );
}

/** The same for a finished .docx file (or any Office package: an embedded .xlsx). */
export function normalizeDocxPackage(bytes: Uint8Array, isoDate: string): Uint8Array {
  return zipReproducibly(new Map(Object.entries(unzipSync(bytes))), isoDate);
}

/** Relationship ids the docx package draws at random (hyperlinks, images): anything but rId<number>. */
function renumberRandomIds(texts: Map<string, string>): void {
  const pattern = /Id="(rId[A-Za-z0-9_-]*[A-Za-z_-][A-Za-z0-9_-]*)"/g;
  const order: string[] = [];
  for (const name of [...texts.keys()].sort()) {
    for (const match of texts.get(name)!.matchAll(pattern)) if (!order.includes(match[1])) order.push(match[1]);
  }
  if (order.length === 0) return;
  const replacements = new Map(order.map((id, i) => [id, `rIdLink${i + 1}`]));
  const any = new RegExp(order.map((id) => id.replace(/[-]/g, '\\-')).join('|'), 'g');
  for (const [name, text] of texts) texts.set(name, text.replace(any, (id) => replacements.get(id)!));
}

/**
 * Drawing ids (wp:docPr id) come from a counter of the docx package that runs on across the documents one process
 * writes: numbered again in order, so that a document's bytes do not depend on what was written before it.
 */
function renumberDrawingIds(texts: Map<string, string>): void {
  let next = 0;
  for (const name of [...texts.keys()].sort()) {
    if (!name.startsWith('word/')) continue;
    texts.set(name, texts.get(name)!.replace(/(<wp:docPr id=")\d+(")/g, (_, open: string, close: string) => `${open}${++next}${close}`));
  }
}
