/**
 * The one module of the writer that uses the docx package (loaded on demand): it defines the package around the
 * body (styles, settings, fonts, theme, footer, notes, content types, the package relationships and the default
 * numbering) and the parts of native charts. Its results are kept on disk (shell-cache.ts), so that a build whose
 * shell is known never loads it.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { ChartRun } from 'docx/charts';
import type { BarChartData } from '../svg/bar-chart.js';
import type { PackageParts, ShellParts } from './package-parts.js';
import { buildStyles } from './styles.js';
import { mmToTwips, A4, type StyleMap } from './style-map.js';


/** The docx package's compiler (Packer's, not in its public types): a File's parts. */
interface PackageCompiler {
  compile(file: unknown, prettify: undefined, overrides: []): PackageParts;
}

function compile(document: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (!compiler) throw new Error('docx package: Packer has no compiler (the writer relies on it to take the parts as text)');
  return compiler.compile(document, undefined, []);
}

function pageNumberFooter(map: StyleMap): Footer {
  const [before, after] = map.page.pageNumber.split('{n}');
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })] })],
  });
}

type DocumentOptions = ConstructorParameters<typeof Document>[0];

/**
 * A Word document of the style map with the given body, as the writer's package defines it. The shell is made
 * without a body, numbering or properties (the writer writes them); the reference writer of the tests passes them.
 */
export function packageDocument(map: StyleMap, children: FileChild[], numbering: DocumentOptions['numbering'] = { config: [] }, properties: Omit<DocumentOptions, 'sections'> = {}): Document {
  return new Document({
    ...properties,
    styles: buildStyles(map),
    numbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(A4.widthMm), height: mmToTwips(A4.heightMm) },
            margin: {
              top: mmToTwips(map.page.marginTopMm),
              bottom: mmToTwips(map.page.marginBottomMm),
              left: mmToTwips(map.page.marginLeftMm),
              right: mmToTwips(map.page.marginRightMm),
            },
          },
        },
        footers: { default: pageNumberFooter(map) },
        children,
      },
    ],
  });
}

const textOf = (parts: Map<string, string | Uint8Array>, name: string): string => {
  const part = parts.get(name);
  if (typeof part !== 'string') throw new Error(`docx package shell: the compiler gave no text for ${name}`);
  return part;
};

/** Parts that belong to each document: written by our body writer, or from the document's properties. */
export const DOCUMENT_PARTS: ReadonlySet<string> = new Set(['word/document.xml', 'word/_rels/document.xml.rels', 'word/numbering.xml', 'docProps/core.xml', 'docProps/app.xml']);

/** The shell of a style map, from an empty document compiled by the docx package. */
export function computeShellParts(map: StyleMap): ShellParts {
  const parts = compile(packageDocument(map, []));
  const document = textOf(parts, 'word/document.xml');
  const bodyStart = document.indexOf('<w:body>') + '<w:body>'.length;
  const relationships = textOf(parts, 'word/_rels/document.xml.rels');
  const fontTable = /<Relationship Id="rId(\d+)" Type="[^"]*\/fontTable" Target="fontTable.xml"\/>/.exec(relationships);
  const numbering = textOf(parts, 'word/numbering.xml');
  const firstNum = numbering.indexOf('<w:num ');
  if (bodyStart < '<w:body>'.length || !fontTable || !relationships.endsWith(`${fontTable[0]}</Relationships>`) || firstNum < 0 || !numbering.endsWith('</w:numbering>')) {
    throw new Error('docx package shell: an empty document is not shaped as the writer expects (document body, relationships, numbering)');
  }
  const shared: Record<string, string> = {};
  for (const name of parts.keys()) if (!DOCUMENT_PARTS.has(name)) shared[name] = textOf(parts, name);
  return {
    order: [...parts.keys()],
    shared,
    documentHead: document.slice(0, bodyStart),
    documentTail: document.slice(bodyStart),
    relationshipsHead: relationships.slice(0, fontTable.index),
    fontTableRelationship: fontTable[0],
    baseRelationships: Number(fontTable[1]) - 1,
    numberingAbstracts: numbering.slice(0, firstNum),
    numberingNums: numbering.slice(firstNum, -'</w:numbering>'.length),
  };
}

/**
 * The parts of a document's native charts (chartN.xml, its relationships and embedded workbook), and the content
 * types that name them, from a document of the charts alone: the docx package draws them.
 */
export function computeChartParts(map: StyleMap, charts: readonly { data: BarChartData; alt: string }[]): { contentTypes: string; parts: [string, string | Uint8Array][] } {
  const children = charts.map(
    ({ data, alt }) =>
      new Paragraph({
        children: [
          new ChartRun({
            type: 'bar',
            title: data.title,
            categories: data.categories,
            series: data.series.map((s) => ({ name: s.name, values: s.values })),
            legend: data.series.length > 1 ? { position: 'bottom' } : false,
            altText: { name: data.title.slice(0, 60), description: alt },
          }),
        ],
      }),
  );
  const parts = compile(packageDocument(map, children));
  return {
    contentTypes: textOf(parts, '[Content_Types].xml'),
    parts: [...parts].filter(([name]) => name.startsWith('word/charts/') || name.startsWith('word/embeddings/')),
  };
}
