import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocTree } from '../../doc-tree/types.js';
import { blocksToDocx } from './blocks.js';
import type { BarChartData } from '../svg/bar-chart.js';
import { normalizeDocxPackage, zipReproducibly } from './normalize-package.js';
import { NumberingRegistry } from './numbering.js';
import type { DocxPackageShell, PackageCompiler } from './package-shell.js';
import { buildStyles } from './styles.js';
import { mmToTwips, textWidthTwips, A4, type StyleMap } from './style-map.js';

export interface DocxOptions {
  styleMap: StyleMap;
  resolveFigure: (src: string) => string | undefined;
  /** Charts drawn from data, by the figure source that names them: written as native Word charts. */
  charts?: Record<string, BarChartData>;
  properties: { title: string; subject: string; creator: string; description?: string; keywords?: string; date?: string };
  /** The parts shared by every Word file of this style map, kept by a caller that writes many (package-shell.ts). */
  shell?: DocxPackageShell;
}

function pageNumberFooter(map: StyleMap): Footer {
  const [before, after] = map.page.pageNumber.split('{n}');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })],
      }),
    ],
  });
}

/** Writes a DocTree as a .docx package. The same tree gives the same bytes. */
export async function writeDocx(tree: DocTree, options: DocxOptions): Promise<Uint8Array> {
  const map = options.styleMap;
  if (options.shell && options.shell.styleMap !== map) throw new Error('writeDocx: the package shell was made for another style map');
  const numbering = new NumberingRegistry(map);
  const children = blocksToDocx(tree.blocks, {
    map,
    numbering,
    width: textWidthTwips(map),
    paragraphStyle: map.baseStyle.id,
    listLevel: 0,
    resolveFigure: options.resolveFigure,
    charts: options.charts ?? {},
  });
  const document = new Document({
    title: options.properties.title,
    subject: options.properties.subject,
    creator: options.properties.creator,
    lastModifiedBy: options.properties.creator,
    description: options.properties.description ?? options.properties.title,
    keywords: options.properties.keywords ?? '',
    revision: 1,
    styles: buildStyles(map),
    numbering: numbering.options(),
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
  // A record whose dates are not published is dated at the zip epoch, never at the clock.
  const date = options.properties.date ?? '1980-01-01';
  // The package's parts straight from the docx compiler, zipped once by us; Packer.toBuffer would zip them, and we
  // would unzip them again to make the package reproducible.
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (compiler) {
    const parts = options.shell ? options.shell.compile(compiler, document) : compiler.compile(document, undefined, []);
    return zipReproducibly(parts, date, options.shell);
  }
  return normalizeDocxPackage(new Uint8Array(await Packer.toBuffer(document)), date);
}
