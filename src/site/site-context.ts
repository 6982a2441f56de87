import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { Manifest } from '../write/manifest.js';
import type { MeetingView } from '../normalize/normalize-meeting.js';
import type { MeetingRecord, Project } from '../project.js';
import type { MeetingData } from '../schema/meeting.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { incidentIdsOfMeeting, markupToDocTree, renderTemplate, viewMeeting } from '../render/render-meeting.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { writeHtml } from '../write/html/write-html.js';

/** What the site-level pages (index, register) are written from. */
export interface SiteContext {
  project: Project;
  templates: TemplateSet;
  layout: string;
  outDir: string;
  result: BuildResult;
  /** What each document's outputs are now: the index links only these. */
  manifest: Manifest;
}

/** The last page written per template, so that a watch rebuild skips re-parsing a site page whose markup did not change. */
const lastPages = new Map<string, { markup: string; layout: string; html: string; diagnostics: Diagnostic[] }>();

/** A site page's markup, or undefined when its template has a mistake (then reported as a template error). */
export function renderSitePage(site: SiteContext, template: string, view: unknown): string | undefined {
  const { markup, diagnostics } = renderTemplate(site.templates, template, view);
  site.result.diagnostics.push(...diagnostics);
  return markup;
}

/** A site page's markup → its HTML page (parsed into the DocTree vocabulary, in the site layout). */
export function sitePageHtml(site: SiteContext, template: string, markup: string, title: string, figureUrl: (src: string) => string | undefined): string {
  const last = lastPages.get(template);
  if (last && last.markup === markup && last.layout === site.layout) {
    site.result.diagnostics.push(...last.diagnostics);
    return last.html;
  }
  const { tree, diagnostics } = markupToDocTree(markup, title, `templates/${template}.hbs`);
  site.result.diagnostics.push(...diagnostics);
  const html = writeHtml(tree, { layout: site.layout, stylesheet: 'styles.css', indexHref: 'index.html', figureUrl });
  lastPages.set(template, { markup, layout: site.layout, html, diagnostics });
  return html;
}

/**
 * Views of every meeting whose page exists in the output folder. A meeting whose incident is broken keeps its
 * earlier page, so it stays listed (with the incidents that are still valid).
 */
export function publishedMeetingViews(site: SiteContext): MeetingView[] {
  const known = viewsOfSite.get(site);
  if (known) return known;
  const views = viewPublishedMeetings(site);
  viewsOfSite.set(site, views);
  return views;
}

/** The index and the register of one build share the meeting views. */
const viewsOfSite = new WeakMap<SiteContext, MeetingView[]>();

function viewPublishedMeetings(site: SiteContext): MeetingView[] {
  return [...site.project.meetings.values()].map((m) => listedView(site.project, m)).filter((v) => existsSync(path.join(site.outDir, `${v.id}.html`)));
}

/**
 * Views by meeting record data, with the incident records they were made from: a watch's records stay the same
 * objects while their files are unchanged, so a save re-normalizes only the meetings it touches.
 */
const listedViews = new WeakMap<MeetingData, { inputs: unknown[]; view: MeetingView }>();

/** The view of a meeting as listed on the site pages: incidents that are broken are left out. */
function listedView(project: Project, meeting: MeetingRecord): MeetingView {
  const inputs = incidentIdsOfMeeting(meeting).flatMap((id) => {
    const record = project.incidents.get(id);
    return [record?.data, record?.body];
  });
  const known = listedViews.get(meeting.data);
  if (known && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i])) return known.view;
  const data = {
    ...meeting.data,
    agenda: meeting.data.agenda.map((item) => ({
      ...item,
      incidents: item.incidents?.filter((r) => project.incidents.has(typeof r === 'string' ? r : r.ref)),
    })),
  };
  const view = viewMeeting(project, { ...meeting, data });
  listedViews.set(meeting.data, { inputs, view });
  return view;
}
