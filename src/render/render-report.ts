import { normalizeReport, reportIdOf } from '../normalize/normalize-report.js';
import { toIsoDate } from '../normalize/datetime.js';
import { firstOccurrenceStart } from '../normalize/occurrence-facts.js';
import type { IncidentRecord } from '../project.js';
import type { RenderedPublication } from './rendered-publication.js';
import type { TemplateSet } from './handlebars-env.js';
import { markupToDocTree, renderTemplate } from './render-meeting.js';
import type { BarChartData } from '../write/svg/bar-chart.js';

/** The template an incident's detailed report is rendered with (templates/report.hbs). */
export const REPORT_TEMPLATE = 'report';

/** Stages normalize → render → parse for the detailed report of one incident (templates/report.hbs). */
export function renderReport(record: IncidentRecord, templates: TemplateSet): RenderedPublication {
  const view = normalizeReport(record, reportIdOf(record.id));
  const first = firstOccurrenceStart(record.data);
  const operators = (record.data.operators ?? []).map((o) => o.name).join('、');
  const properties = {
    title: view.title,
    subject: '重大な事故報告',
    creator: operators || '電気通信事業者',
    ...(first && first.relativeDay === undefined && { date: toIsoDate(first) }),
  };
  const { markup, diagnostics: templateDiagnostics } = renderTemplate(templates, REPORT_TEMPLATE, view);
  if (markup === undefined) return { properties, diagnostics: templateDiagnostics };
  const { tree, diagnostics } = markupToDocTree(markup, view.title, record.file.path, { templates, name: REPORT_TEMPLATE });
  const charts = new Map<string, BarChartData>();
  const series = view.usersOverTime;
  if (series && series.points.length) {
    const chart = { title: series.caption, categories: series.points.map((p) => p.time), series: [{ name: '影響利用者数', values: series.chartValues }], unit: record.data.report?.affectedUsers?.unit ?? '人' };
    charts.set(series.chartSrc, chart);
  }
  return { tree, diagnostics, properties, charts };
}
