import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { Manifest } from '../write/manifest.js';
import type { MeetingView } from '../normalize/normalize-meeting.js';
import type { MeetingRecord, Project } from '../project.js';
import type { MeetingData } from '../schema/meeting.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { incidentIdsOfMeeting, markupToDocTree, renderTemplate, viewMeeting } from '../render/render-meeting.js';
import { isCompleteMeeting, keptFromLastGoodState } from './last-good-state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { writeHtml } from '../write/html/write-html.js';

/** What the site-level pages (index, register) are written from. */
export interface SiteContext {
  project: Project;
  templates: TemplateSet;
  layout: string;
  outDir: string;
  result: BuildResult;
  /** What each document's outputs are now: the index links only these. Listings of current documents are updated. */
  manifest: Manifest;
  /** Documents whose outputs match the current record (built by this run, or unchanged): listed afresh. */
  current: ReadonlySet<string>;
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

/**
 * A meeting is listed as its page shows it: afresh when its page matches the current record, otherwise as the
 * manifest kept it at its last good build (a broken meeting or incident keeps its rows), or, for a page written
 * before listings were kept, from the records that are valid.
 */
function viewPublishedMeetings(site: SiteContext): MeetingView[] {
  const views: MeetingView[] = [];
  const kept = new Set(keptFromLastGoodState(site.project, site.manifest));
  for (const meeting of site.project.meetings.values()) {
    if (kept.has(meeting.id) || !existsSync(path.join(site.outDir, `${meeting.id}.html`))) continue;
    const entry = site.manifest.meetings[meeting.id];
    const fresh = site.current.has(meeting.id) && isCompleteMeeting(site.project, meeting.id);
    if (!fresh && entry?.listing?.meeting) continue;
    const view = listedView(site.project, meeting);
    if (fresh && entry) entry.listing = { meeting: view };
    views.push(view);
  }
  const stored = Object.entries(site.manifest.meetings).flatMap(([id, entry]) =>
    entry.listing?.meeting && existsSync(path.join(site.outDir, `${id}.html`)) && !views.some((v) => v.id === id) ? [entry.listing.meeting] : [],
  );
  return [...views, ...stored.filter((view) => kept.has(view.id) || site.project.meetings.has(view.id))];
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
