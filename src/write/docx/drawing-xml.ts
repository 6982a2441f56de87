import type { BarChartData } from '../svg/bar-chart.js';
import type { DocumentParts } from './document-parts.js';
import { escapeXml } from './xml-text.js';

const EMUS_PER_PIXEL = 9525;
const DRAWINGML = 'http://schemas.openxmlformats.org/drawingml/2006';
/** The size the docx package gives a chart: 576 × 336 px. */
const CHART_EXTENT = { cx: 5486400, cy: 3200400 };

function inline(id: number, name: string, description: string, extent: { cx: number; cy: number }, frame: string, graphic: string): string {
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${extent.cx}" cy="${extent.cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr id="${id}" name="${escapeXml(name)}"${description ? ` descr="${escapeXml(description)}"` : ''}/>${frame}` +
    `<a:graphic xmlns:a="${DRAWINGML}/main">${graphic}</a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** The run of an inline picture, as the docx package's ImageRun writes it. */
export function imageDrawingXml(id: number, relationshipId: string, image: { width: number; height: number; name: string; description: string }): string {
  const extent = { cx: Math.round(image.width * EMUS_PER_PIXEL), cy: Math.round(image.height * EMUS_PER_PIXEL) };
  const frame = `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${DRAWINGML}/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>`;
  const picture =
    `<a:graphicData uri="${DRAWINGML}/picture"><pic:pic xmlns:pic="${DRAWINGML}/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>` +
    `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed="${relationshipId}" cstate="none"/>` +
    `<a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${extent.cx}" cy="${extent.cy}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>`;
  return inline(id, image.name, image.description, extent, frame, picture);
}

/** The run of a native chart, as the docx package's ChartRun writes it; the chart itself is a part of its own. */
export function chartDrawingXml(parts: DocumentParts, chart: BarChartData, alt: string): string {
  const relationshipId = parts.chart(chart, alt);
  const graphic =
    `<a:graphicData uri="${DRAWINGML}/chart"><c:chart xmlns:c="${DRAWINGML}/chart" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationshipId}"/></a:graphicData>`;
  return inline(parts.nextDrawingId(), chart.title.slice(0, 60), alt, CHART_EXTENT, '<wp:cNvGraphicFramePr/>', graphic);
}
