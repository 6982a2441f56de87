import type { DocTree } from '../../doc-tree/types.js';
import type { BarChartData } from '../svg/bar-chart.js';
import { blocksToXml, bodyContext } from './blocks.js';
import { DocumentParts, imageSlot } from './document-parts.js';
import { zipReproducibly } from './normalize-package.js';
import { DocxPackageShell } from './package-shell.js';
import type { PackageParts, ShellParts } from './package-parts.js';
import type { StyleMap } from './style-map.js';
import { escapeXml } from './xml-text.js';
import { ZIP_EPOCH_DATE } from './zip-writer.js';

export interface DocxOptions {
  styleMap: StyleMap;
  resolveFigure: (src: string) => string | undefined;
  /** Charts drawn from data, by the figure source that names them: written as native Word charts. */
  charts?: Record<string, BarChartData>;
  properties: { title: string; subject: string; creator: string; description?: string; keywords?: string; date?: string };
  /** The parts shared by every Word file of this style map, kept by a caller that writes many (package-shell.ts). */
  shell?: DocxPackageShell;
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Writes a DocTree as a .docx package. The same tree gives the same bytes. The body, its relationships, the list
 * numbering and the properties are written here as text; everything else comes from the package shell of the style
 * map, which the docx package defines (shell-template.ts). test/write/docx-equivalence.test.ts proves the parts
 * equal to the docx package's own.
 */
export async function writeDocx(tree: DocTree, options: DocxOptions): Promise<Uint8Array> {
  const map = options.styleMap;
  if (options.shell && options.shell.styleMap !== map) throw new Error('writeDocx: the package shell was made for another style map');
  const shell = options.shell ?? new DocxPackageShell(map);
  const parts = new DocumentParts(map);
  const body = blocksToXml(tree.blocks, { ...bodyContext({ map, resolveFigure: options.resolveFigure, charts: options.charts }), parts });
  const shellParts = await shell.parts();
  // Images are related after the links and charts, in the order they first appear, with plain numbers (as docx does).
  const media = [...parts.media.values()];
  media.forEach((part, i) => (part.relationshipId = `rId${shellParts.baseRelationships + parts.relationships.length + 1 + i}`));
  let document = body;
  for (const part of media) document = document.replaceAll(imageSlot(part), part.relationshipId!);
  const charts = parts.charts.length > 0 ? (await import('./shell-template.js')).computeChartParts(map, parts.charts) : undefined;
  const own = new Map<string, string>([
    ['word/document.xml', `${shellParts.documentHead}${document}${shellParts.documentTail}`],
    ['word/_rels/document.xml.rels', relationshipsXml(shellParts, parts, media.length)],
    ['word/numbering.xml', parts.numbering.xml(shellParts)],
    ['docProps/core.xml', corePropertiesXml(options.properties)],
    ...(charts ? [['[Content_Types].xml', charts.contentTypes] as const] : []),
  ]);
  const packageParts: PackageParts = new Map();
  // docProps/app.xml is left empty here: zipReproducibly writes it from document.xml.
  for (const name of shellParts.order) packageParts.set(name, own.get(name) ?? shellParts.shared[name] ?? '');
  for (const [name, part] of charts?.parts ?? []) packageParts.set(name, part);
  for (const part of media) packageParts.set(`word/${part.path}`, part.data);
  // A record whose dates are not published is dated at the zip epoch, never at the clock.
  // Relationship and drawing ids are written in order; a chart's own parts come from the docx package with random ids.
  return zipReproducibly(packageParts, options.properties.date ?? ZIP_EPOCH_DATE, shell, charts === undefined);
}

function relationshipsXml(shell: ShellParts, parts: DocumentParts, images: number): string {
  const relationship = (id: string, type: string, target: string, external = false) =>
    `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/>`;
  const own = parts.relationships.map((r) => relationship(r.id, r.type, r.target, r.external)).join('');
  const media = [...parts.media.values()].map((part) => relationship(part.relationshipId!, `${RELATIONSHIPS}/image`, part.path)).join('');
  const fontTable = shell.fontTableRelationship.replace(/Id="rId\d+"/, `Id="rId${shell.baseRelationships + parts.relationships.length + images + 1}"`);
  return `${shell.relationshipsHead}${own}${media}${fontTable}</Relationships>`;
}

/** docProps/core.xml: the document's properties, dated from the data (zipReproducibly stamps the date). */
function corePropertiesXml(properties: DocxOptions['properties']): string {
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const stamp = `${properties.date ?? ZIP_EPOCH_DATE}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', properties.description ?? properties.title) +
    element('cp:lastModifiedBy', properties.creator) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '<dc:language>ja-JP</dc:language></cp:coreProperties>'
  );
}
