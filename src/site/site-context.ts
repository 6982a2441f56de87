import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildResult } from '../build-result.js';
import type { DocumentKinds } from '../document-types.js';
import { siteFiles, type Manifest } from '../write/manifest.js';
import type { MeetingView } from '../normalize/normalize-meeting.js';
import type { MeetingRecord, Project } from '../project.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { incidentIdsOfMeeting, markupToDocTree, renderTemplate, viewMeeting } from '../render/render-meeting.js';
import { isCompleteMeeting, keptFromLastGoodState } from './last-good-state.js';
import { writeHtml } from '../write/html/write-html.js';
import type { SiteCaches } from './site-caches.js';

/** What the site-level pages (index, register) are written from. */
export interface SiteContext {
  project: Project;
  /** The kinds of document: the index lists each as its kind's index entry says. */
  kinds: DocumentKinds;
  templates: TemplateSet;
  layout: string;
  outDir: string;
  result: BuildResult;
  /** What each document's outputs are now: the index links only these. Listings of current documents are updated. */
  manifest: Manifest;
  /** Documents whose outputs match the current record (built by this run, or unchanged): listed afresh. */
  current: ReadonlySet<string>;
  /** What the build session keeps between builds (site-caches.ts). */
  caches: SiteCaches;
  /** The views of the listed meetings, made once per build: the index and the register share them. */
  meetingViews?: MeetingView[];
}

/** A site page's markup, or undefined when its template has a mistake (then reported as a template error). */
export function renderSitePage(site: SiteContext, template: string, view: unknown): string | undefined {
  const { markup, diagnostics } = renderTemplate(site.templates, template, view);
  site.result.diagnostics.push(...diagnostics);
  return markup;
}

/** A site page's markup → its HTML page (parsed into the DocTree vocabulary, in the site layout). */
export function sitePageHtml(site: SiteContext, template: string, markup: string, title: string, figureUrl: (src: string) => string | undefined): string {
  const last = site.caches.pages.get(template);
  if (last && last.markup === markup && last.layout === site.layout) {
    site.result.diagnostics.push(...last.diagnostics);
    return last.html;
  }
  const { tree, diagnostics } = markupToDocTree(markup, title, `templates/${template}.hbs`);
  site.result.diagnostics.push(...diagnostics);
  const html = writeHtml(tree, { layout: site.layout, stylesheet: siteFiles.stylesheet, indexHref: siteFiles.index, figureUrl });
  site.caches.pages.set(template, { markup, layout: site.layout, html, diagnostics });
  return html;
}

/**
 * Views of every meeting whose page exists in the output folder. A meeting whose incident is broken keeps its
 * earlier page, so it stays listed (with the incidents that are still valid).
 */
export function publishedMeetingViews(site: SiteContext): MeetingView[] {
  site.meetingViews ??= viewPublishedMeetings(site);
  return site.meetingViews;
}

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
    const view = listedView(site, meeting);
    if (fresh && entry) entry.listing = { meeting: view };
    views.push(view);
  }
  const stored = Object.entries(site.manifest.meetings).flatMap(([id, entry]) =>
    entry.listing?.meeting && existsSync(path.join(site.outDir, `${id}.html`)) && !views.some((v) => v.id === id) ? [entry.listing.meeting] : [],
  );
  return [...views, ...stored.filter((view) => kept.has(view.id) || site.project.meetings.has(view.id))];
}

/**
 * The view of a meeting as listed on the site pages: incidents that are broken are left out. Kept by meeting record
 * data in the session's caches, with the incident records it was made from.
 */
function listedView(site: SiteContext, meeting: MeetingRecord): MeetingView {
  const { project } = site;
  const listedViews = site.caches.listedViews;
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
