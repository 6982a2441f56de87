import type { ZodTypeAny } from 'zod';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { SourceFile } from './load/source-file.js';
import { reportIdOf } from './model/output-ids.js';
import { toIsoDate } from './model/date-time.js';
import { normalizeReport, type ReportView } from './normalize/normalize-report.js';
import { firstOccurrenceStart } from './schema/occurrence-facts.js';
import type { MeetingView } from './normalize/normalize-meeting.js';
import type { IncidentRecord, MeetingRecord, Project, SourceRecord } from './project.js';
import type { PublicationProperties } from './render/rendered-publication.js';
import { incidentIdsOfMeeting, viewMeeting } from './render/render-meeting.js';
import { incidentSchema, type IncidentData } from './schema/incident.js';
import { meetingSchema, type MeetingData } from './schema/meeting.js';
import { splitIncidentBody, type IncidentBody } from './validate/check-body.js';
import type { BarChartData } from './model/bar-chart-data.js';

/**
 * One kind of document: what a source file of its front matter `type` is (schema, body sections) and, when it is
 * published on its own, how (normalize, template, output id, document properties, index entry). The pipeline, the
 * publications, the build, the site and the CLI read this table; nothing else knows the kinds.
 */
export interface DocumentKind<Data = never, Body = never, View = never> {
  /** The front matter schema of a file whose `type` is this kind's key. */
  schema: ZodTypeAny;
  /** The body split into named sections (checked, with located problems); a kind without it keeps its body whole. */
  bodySections?(file: SourceFile, data: Data | undefined): { body: Body; diagnostics: Diagnostic[] };
  /** The document each valid record publishes (output/<id>.html, .docx, …), if any. */
  publication?: PublicationKind<Data, Body, View>;
}

export interface PublicationKind<Data, Body, View> {
  /** The output name (without extension) of the document published from record `id`. */
  outputId(id: string): string;
  /** Whether a valid record publishes it (an incident publishes a report only when it has one). Default: always. */
  publishes?(data: Data): boolean;
  /** Ids of the other records the document shows (a meeting's incidents): each must be valid for it to be built. */
  shows?(record: SourceRecord<Data, Body>): string[];
  /** Stage normalize: the record → the template's view model. */
  normalize(project: Project, record: SourceRecord<Data, Body>, outputId: string): View;
  /** templates/<template>.hbs */
  template: string;
  /** The document's title (the page title), from its view. */
  title(view: View): string;
  /** Word core properties and the HTML title. */
  properties(view: View, record: SourceRecord<Data, Body>): PublicationProperties;
  /** Charts drawn from the data, by output name (an SVG beside the page). */
  charts?(view: View, record: SourceRecord<Data, Body>): Map<string, BarChartData>;
  /**
   * How the site index lists it: `meetings`, the table of meetings (whose views the register also reads), or
   * `reports`, the list of reports by title. Without it the document is published but not listed.
   */
  index?: { section: 'meetings' } | { section: 'reports'; title(data: Data): string };
}

/** A kind with its types erased, as the table holds it (defineKind checks each entry against its own types). */
export type AnyDocumentKind = DocumentKind<unknown, unknown, unknown>;

/** Checks a kind's parts against each other, then erases its types for the table. */
export function defineKind<Data, Body, View>(kind: DocumentKind<Data, Body, View>): AnyDocumentKind {
  return kind as unknown as AnyDocumentKind;
}

/** A table of kinds by front matter `type`: documentTypes, or a program's own (tests add a kind this way). */
export type DocumentKinds = Readonly<Record<string, AnyDocumentKind>>;

const meetingKind = defineKind<MeetingData, undefined, MeetingView>({
  schema: meetingSchema,
  publication: {
    outputId: (id) => id,
    shows: (record) => incidentIdsOfMeeting(record as MeetingRecord),
    normalize: (project, record) => viewMeeting(project, record as MeetingRecord),
    template: 'meeting',
    title: (view) => view.title,
    properties: (v) => ({ title: v.title, subject: `${v.committee} ${v.fiscalYearLabel}${v.numberLabel}`, creator: `${v.committee}事務局`, date: v.isoDate }),
    index: { section: 'meetings' },
  },
});

const incidentKind = defineKind<IncidentData, IncidentBody, ReportView>({
  schema: incidentSchema,
  bodySections(file, data) {
    // A required section the report data already gives (its causes, its countermeasures) may be left out.
    const report = data?.report;
    const derived = [...(report?.causes?.length ? ['cause' as const] : []), ...(report?.countermeasures?.length ? ['prevention' as const] : [])];
    return splitIncidentBody(file, derived);
  },
  publication: {
    outputId: reportIdOf,
    publishes: (data) => data.report !== undefined,
    normalize: (_project, record, outputId) => normalizeReport(record as IncidentRecord, outputId),
    template: 'report',
    title: (view) => view.title,
    properties(view, record) {
      const first = firstOccurrenceStart(record.data);
      const operators = (record.data.operators ?? []).map((o) => o.name).join('、');
      return {
        title: view.title,
        subject: '重大な事故報告',
        creator: operators || '電気通信事業者',
        ...(first && first.relativeDay === undefined && { date: toIsoDate(first) }),
      };
    },
    charts(view, record) {
      const charts = new Map<string, BarChartData>();
      const series = view.usersOverTime;
      if (series && series.points.length) {
        const unit = record.data.report?.affectedUsers?.unit ?? '人';
        charts.set(series.chartSrc, { title: series.caption, categories: series.points.map((p) => p.time), series: [{ name: '影響利用者数', values: series.chartValues }], unit });
      }
      return charts;
    },
    index: { section: 'reports', title: (data) => data.report!.title },
  },
});

/** The kinds of this tool, by front matter `type`. A new kind is its schema, normalize step, template and one entry here. */
export const documentTypes = {
  meeting: meetingKind,
  incident: incidentKind,
} as const satisfies DocumentKinds;

export type DocumentTypeName = keyof typeof documentTypes;

export function isDocumentTypeName(name: unknown): name is DocumentTypeName {
  return typeof name === 'string' && Object.hasOwn(documentTypes, name);
}

/** The templates a table's kinds publish with (written to Word as well as HTML; the site pages are HTML only). */
export function publishedTemplates(kinds: DocumentKinds): string[] {
  return Object.values(kinds).flatMap((kind) => (kind.publication ? [kind.publication.template] : []));
}
