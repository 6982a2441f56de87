import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingListing } from '../normalize/meeting-listing.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import type { PageLayout } from '../write/html/write-html.js';
import type { MeetingData } from '../schema/meeting.js';
import type { IncidentData } from '../schema/incident.js';
import type { Codes } from '../load/read-codes.js';
import type { IncidentView } from '../normalize/normalize-incident.js';
import type { DownloadView, IndexMemo, IndexView } from '../normalize/normalize-index.js';
import type { Manifest } from '../write/manifest.js';
import type { IncidentBody } from '../validate/check-body.js';
import { createRegisterMemo, type RegisterEntry, type RegisterMemo, type RegisterView } from '../normalize/normalize-register.js';
import type { RegisterLine } from './register-columns.js';

/**
 * What the site step keeps between the builds of one session (minutes watch), so that a save that changes nothing a
 * site page shows costs no re-rendering. Owned by the build session; a one-off build starts with empty ones.
 */
export interface SiteCaches {
  /** The last page written per template: a page whose markup did not change is not parsed again. */
  pages: Map<string, { markup: string; layout: PageLayout; html: string; diagnostics: Diagnostic[] }>;
  /**
   * Meeting listings by meeting record data, with the incident records they were made from: a watch's records stay
   * the same objects while their files are unchanged, so a save re-normalizes only the meetings it touches.
   */
  listings: WeakMap<MeetingData, { inputs: unknown[]; listing: MeetingListing }>;
  /** Incident views by record data, with the rest of what they were made from: a save normalizes only its records. */
  incidentViews: WeakMap<IncidentData, { id: string; body: IncidentBody; codes: Codes; view: IncidentView }>;
  /** The incidents each meeting shows (by reference), by meeting record data: read once per saved meeting. */
  incidentIds: WeakMap<MeetingData, readonly string[]>;
  /**
   * The last listing of each listed meeting, by id: a listing made again equal to it (a save that changed nothing the
   * site pages show, such as the place) is that same object, so the register's memo finds its entries unchanged.
   */
  lastListings: Map<string, { listing: MeetingListing; json?: string }>;
  /**
   * The downloads (Word, PDF) of each document up to date, by id, as the index links them, with the manifest entry
   * they were found for: a rebuild replaces the entry (write-index.ts).
   */
  downloads: Map<string, { outDir: string; entry: Manifest['meetings'][string]; downloads: DownloadView[] }>;
  /** The index's last view, with what it was made from, and that view's JSON (its key for renderSitePageByKey). */
  index: IndexMemo & { json?: { view: IndexView; key: string } };
  /** The register of the last build: a save that changes nothing the register shows reuses its files. */
  register?: { view: RegisterView; key: string[]; outDir: string; templates: TemplateSet; layout: PageLayout; files: (readonly [string, string | Uint8Array])[]; diagnostics: Diagnostic[] };
  /** The register's entries and the texts of its rows, made again only for the incidents a save changed. */
  registerRows: RegisterRowMemo;
  /** A site page's markup by the key of its view (the index: its view's JSON), with the templates it was rendered by. */
  rendered: Map<string, { key: string; templates: TemplateSet; markup: string | undefined; diagnostics: Diagnostic[] }>;
  /** What each site file (by absolute path) held when this session last wrote or found it. */
  files: Map<string, string | Uint8Array>;
}

export function createSiteCaches(): SiteCaches {
  return {
    pages: new Map(),
    listings: new WeakMap(),
    incidentViews: new WeakMap(),
    incidentIds: new WeakMap(),
    lastListings: new Map(),
    downloads: new Map(),
    index: {},
    registerRows: createRegisterRowMemo(),
    rendered: new Map(),
    files: new Map(),
  };
}

/** What the register keeps of its rows between the builds of a session. */
export interface RegisterRowMemo {
  entries: RegisterMemo;
  /** Each entry's JSON (its content, as the register's key). */
  json: WeakMap<RegisterEntry, string>;
  /** A row's page cells, CSV record and incidents.json text, by its entry's JSON: those of the last build. */
  rows: Map<string, RegisterRowTexts>;
}

export interface RegisterRowTexts {
  cells: { lines: RegisterLine[] }[];
  csv: string;
  /** UTF-8. */
  json: Uint8Array;
}

export function createRegisterRowMemo(): RegisterRowMemo {
  return { entries: createRegisterMemo(), json: new WeakMap(), rows: new Map() };
}
