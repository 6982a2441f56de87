import { formatWarekiDate } from '../model/era.js';
import type { DateValue } from '../schema/common.js';

/** A correction as the views carry it: the date as written (for ordering), the note, and the printed line. */
export interface RevisionView {
  date: string;
  note: string;
  /** 「（令和7年6月20日 一部修正）」 */
  line: string;
}

/** A `revisions` entry of the front matter → its view. */
export function revisionView(revision: { date: DateValue; note: string }): RevisionView {
  return { date: revision.date.text, note: revision.note, line: `（${formatWarekiDate(revision.date.value)} ${revision.note}）` };
}
