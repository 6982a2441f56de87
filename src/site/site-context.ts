import { existsSync, readdirSync } from 'node:fs';
import type { BuildResult } from '../build-result.js';
import type { DocumentKinds } from '../document-types.js';
import { siteFiles, type Manifest } from '../write/manifest.js';
import { listMeeting, type MeetingListing } from '../normalize/meeting-listing.js';
import type { MeetingRecord, Project } from '../project.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { incidentIdsOfMeeting, markupToDocTree, renderTemplate, viewMeeting } from '../render/render-meeting.js';
import { isCompleteMeeting, keptFromLastGoodState } from './last-good-state.js';
import { writeHtml, type PageLayout } from '../write/html/write-html.js';
import { writeIfChanged } from '../write/atomic-write.js';
import type { SiteCaches } from './site-caches.js';

/** What the site-level pages (index, register) are written from. */
export interface SiteContext {
  project: Project;
  /** The kinds of document: the index lists each as its kind's index entry says. */
  kinds: DocumentKinds;
  templates: TemplateSet;
  layout: PageLayout;
  outDir: string;
  result: BuildResult;
  /** What each document's outputs are now: the index links only these. Listings of current documents are updated. */
  manifest: Manifest;
  /** Documents whose outputs match the current record (built by this run, or unchanged): listed afresh. */
  current: ReadonlySet<string>;
  /** What the build session keeps between builds (site-caches.ts). */
  caches: SiteCaches;
  /** The listings of the listed meetings, made once per build: the index and the register share them. */
  meetingListings?: MeetingListing[];
  /** The documents kept from their last good state (last-good-state.ts), found once per build. */
  kept?: readonly string[];
  /** The names in the output folder when the site step began (one listing instead of a stat per meeting). */
  outputNames?: ReadonlySet<string>;
}

/** The documents that keep their last good state, found once per build. */
export function keptOf(site: SiteContext): readonly string[] {
  site.kept ??= keptFromLastGoodState(site.project, site.manifest);
  return site.kept;
}

/** Whether a meeting's page is in the output folder (as the site step found it when it began). */
function hasPage(site: SiteContext, id: string): boolean {
  site.outputNames ??= new Set(readdirSync(site.outDir));
  return site.outputNames.has(`${id}.html`);
}

/**
 * Writes a site file unless this session wrote (or found) the same content there last and it is still there: only a
 * file removed meanwhile is written again. Whether it was written.
 */
export async function writeSiteFile(site: SiteContext, target: string, content: string | Uint8Array): Promise<boolean> {
  const last = site.caches.files.get(target);
  const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const same = last !== undefined && (typeof last === 'string' || typeof content === 'string' ? last === content : bytes(last).equals(content));
  if (same && existsSync(target)) return false;
  const written = await writeIfChanged(target, content);
  site.caches.files.set(target, content);
  return written;
}

/** A site page's markup, or undefined when its template has a mistake (then reported as a template error). */
export function renderSitePage(site: SiteContext, template: string, view: unknown): string | undefined {
  const { markup, diagnostics } = renderTemplate(site.templates, template, view);
  site.result.diagnostics.push(...diagnostics);
  return markup;
}

/**
 * renderSitePage, kept by a key that stands for the whole view (its JSON): a view equal to the last one of the
 * template, with the same templates, gives the same markup without rendering.
 */
export function renderSitePageByKey(site: SiteContext, template: string, key: string, view: unknown): string | undefined {
  const last = site.caches.rendered.get(template);
  if (last && last.key === key && last.templates === site.templates) {
    site.result.diagnostics.push(...last.diagnostics);
    return last.markup;
  }
  const before = site.result.diagnostics.length;
  const markup = renderSitePage(site, template, view);
  site.caches.rendered.set(template, { key, templates: site.templates, markup, diagnostics: site.result.diagnostics.slice(before) });
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
 * Listings of every meeting whose page exists in the output folder. A meeting whose incident is broken keeps its
 * earlier page, so it stays listed (with the incidents that are still valid).
 */
export function publishedMeetingListings(site: SiteContext): MeetingListing[] {
  site.meetingListings ??= listPublishedMeetings(site);
  return site.meetingListings;
}

/**
 * A meeting is listed as its page shows it: afresh when its page matches the current record, otherwise as the
 * manifest kept it at its last good build (a broken meeting or incident keeps its rows), or, for a page written
 * before listings were kept, from the records that are valid.
 */
function listPublishedMeetings(site: SiteContext): MeetingListing[] {
  const listings: MeetingListing[] = [];
  const kept = new Set(keptOf(site));
  for (const meeting of site.project.meetings.values()) {
    if (kept.has(meeting.id) || !hasPage(site, meeting.id)) continue;
    const entry = site.manifest.meetings[meeting.id];
    const fresh = site.current.has(meeting.id) && isCompleteMeeting(site.project, meeting.id);
    if (!fresh && entry?.listing?.meeting) continue;
    const listing = listedMeeting(site, meeting);
    if (fresh && entry) entry.listing = { meeting: listing };
    listings.push(listing);
  }
  const listed = new Set(listings.map((l) => l.id));
  const stored = Object.entries(site.manifest.meetings).flatMap(([id, entry]) =>
    entry.listing?.meeting && !listed.has(id) && hasPage(site, id) ? [entry.listing.meeting] : [],
  );
  return [...listings, ...stored.filter((listing) => kept.has(listing.id) || site.project.meetings.has(listing.id))];
}

/**
 * A meeting as listed on the site pages (its listing, made from its view): incidents that are broken are left out.
 * Kept by meeting record data in the session's caches, with the incident records it was made from.
 */
function listedMeeting(site: SiteContext, meeting: MeetingRecord): MeetingListing {
  const { project } = site;
  const listings = site.caches.listings;
  // The code tables too: a view reads the class table in force at each occurrence from them.
  const inputs = [project.codes, ...incidentIdsOfMeeting(meeting).flatMap((id) => {
    const record = project.incidents.get(id);
    return [record?.data, record?.body];
  })];
  const known = listings.get(meeting.data);
  if (known && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i])) return known.listing;
  const data = {
    ...meeting.data,
    agenda: meeting.data.agenda.map((item) => ({
      ...item,
      incidents: item.incidents?.filter((r) => project.incidents.has(typeof r === 'string' ? r : r.ref)),
    })),
  };
  const listing = listMeeting(viewMeeting(project, { ...meeting, data }));
  listings.set(meeting.data, { inputs, listing });
  return listing;
}
