import { existsSync, readdirSync } from 'node:fs';
import type { BuildResult } from '../build-result.js';
import type { DocumentKinds } from '../document-types.js';
import { siteFiles, type Manifest } from '../write/manifest.js';
import { listMeeting, type MeetingListing } from '../normalize/meeting-listing.js';
import type { IncidentRecord, MeetingRecord, Project } from '../project.js';
import { normalizeIncident, type IncidentView } from '../normalize/normalize-incident.js';
import { classTextLookup } from '../load/read-codes.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import { incidentIdsOfMeeting, markupToDocTree, renderTemplate, viewMeeting } from '../render/render-meeting.js';
import { keptFromLastGoodState } from './last-good-state.js';
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
  /** The incident records each meeting shows (undefined: broken now), found once per build. */
  shownRecords?: Map<MeetingRecord, (IncidentRecord | undefined)[]>;
  /** The names in the output folder when the site step began (one listing instead of a stat per meeting). */
  outputNames?: ReadonlySet<string>;
}

/** The documents that keep their last good state, found once per build. */
export function keptOf(site: SiteContext): readonly string[] {
  site.kept ??= keptFromLastGoodState(site.project, site.manifest, (id) => isComplete(site, id));
  return site.kept;
}

/** Whether a meeting and every incident it shows are valid now (last-good-state.ts isCompleteMeeting). */
function isComplete(site: SiteContext, id: string): boolean {
  const meeting = site.project.meetings.get(id);
  return meeting !== undefined && shownRecordsOf(site, meeting).every((record) => record !== undefined);
}

/** The incident records a meeting shows, in order (undefined: broken now), found once per build. */
function shownRecordsOf(site: SiteContext, meeting: MeetingRecord): (IncidentRecord | undefined)[] {
  site.shownRecords ??= new Map();
  let records = site.shownRecords.get(meeting);
  if (!records) site.shownRecords.set(meeting, (records = incidentIdsOf(site, meeting).map((id) => site.project.incidents.get(id))));
  return records;
}

/** The incidents a meeting shows, by reference: read once per meeting record data in a session. */
export function incidentIdsOf(site: SiteContext, meeting: MeetingRecord): readonly string[] {
  let ids = site.caches.incidentIds.get(meeting.data);
  if (!ids) site.caches.incidentIds.set(meeting.data, (ids = incidentIdsOfMeeting(meeting)));
  return ids;
}

/**
 * Whether an output of a document up to date (or written by this build) is in place, without looking: the plan found
 * every output of such a document in the folder, or the build wrote it.
 */
export function hasOutput(site: SiteContext, id: string, name: string): boolean {
  return site.current.has(id) && site.manifest.meetings[id]?.outputs.includes(name) === true;
}

/**
 * Whether a meeting's page is in the output folder: only the page of a document not up to date is looked for, in one
 * listing of the folder as the site step found it.
 */
function hasPage(site: SiteContext, id: string): boolean {
  const page = `${id}.html`;
  if (hasOutput(site, id, page)) return true;
  site.outputNames ??= new Set(readdirSync(site.outDir));
  return site.outputNames.has(page);
}

/**
 * Writes a site file unless this session wrote (or found) the same content there last and it is still there: only a
 * file removed meanwhile is written again. Whether it was written.
 */
export async function writeSiteFile(site: SiteContext, target: string, content: string | Uint8Array): Promise<boolean> {
  const last = site.caches.files.get(target);
  const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const same = last === content || (last !== undefined && (typeof last === 'string' || typeof content === 'string' ? last === content : bytes(last).equals(content)));
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
    const fresh = site.current.has(meeting.id) && isComplete(site, meeting.id);
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
  const records = shownRecordsOf(site, meeting);
  const known = listings.get(meeting.data);
  if (known && known.inputs.length === 1 + 2 * records.length && known.inputs[0] === project.codes && records.every((record, i) => sameRecord(known.inputs, 1 + 2 * i, record))) return known.listing;
  const inputs = [project.codes, ...records.flatMap((record) => [record?.data, record?.body])];
  const data = {
    ...meeting.data,
    agenda: meeting.data.agenda.map((item) => ({
      ...item,
      incidents: item.incidents?.filter((r) => project.incidents.has(typeof r === 'string' ? r : r.ref)),
    })),
  };
  // A meeting listed again in this session (a watch's save) keeps its incidents' views; a first listing keeps none, so a
  // one-off build holds no view beyond its meeting's.
  const again = site.caches.lastListings.has(meeting.id);
  const listing = sameAsLast(site, listMeeting(again ? viewMeeting(project, { ...meeting, data }, (id, record) => incidentView(site, id, record)) : viewMeeting(project, { ...meeting, data })));
  listings.set(meeting.data, { inputs, listing });
  return listing;
}

/** Whether a listing's inputs hold an incident record's data and body (or its absence) at `at`. */
const sameRecord = (inputs: readonly unknown[], at: number, record: IncidentRecord | undefined) => inputs[at] === record?.data && inputs[at + 1] === record?.body;

/** An incident's view, kept by its record while the record and the code tables are the same objects. */
function incidentView(site: SiteContext, id: string, record: IncidentRecord): IncidentView {
  const { codes } = site.project;
  const known = site.caches.incidentViews.get(record.data);
  if (known?.id === id && known.body === record.body && known.codes === codes) return known.view;
  const view = normalizeIncident(id, record.data, record.body, classTextLookup(codes));
  site.caches.incidentViews.set(record.data, { id, body: record.body, codes, view });
  return view;
}

/**
 * The listing a meeting had last in this session when the new one is equal to it (the same JSON), else the new one:
 * a save that changes nothing the site pages show leaves every listing the same object. A one-off build has no last.
 */
function sameAsLast(site: SiteContext, listing: MeetingListing): MeetingListing {
  const last = site.caches.lastListings;
  const known = last.get(listing.id);
  if (known) {
    const json = JSON.stringify(listing);
    if ((known.json ??= JSON.stringify(known.listing)) === json) return known.listing;
    last.set(listing.id, { json, listing });
  } else last.set(listing.id, { listing });
  return listing;
}
