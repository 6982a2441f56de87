import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/format-text.js';
import type { ImportResult } from './import-minutes.js';

/** What one input file gave: the records, where they went (or why not), the artefacts removed, the warnings. */
export interface FileReport {
  input: string;
  format: string;
  result: ImportResult;
  /** Whether the text reads as minutes at all (a title or a numbered agenda item). */
  recognised: boolean;
  written: string[];
  /** Files that already existed, so nothing of this input was written (without --force). */
  blockedBy: string[];
  /** Imported incident id → the existing record it was linked to (not written). */
  linked: ReadonlyMap<string, string>;
  diagnostics: Diagnostic[];
}

const words = {
  ja: {
    imported: '取り込み', meeting: '会議', incident: '事故', agenda: '議事', items: '件', groups: '出席者グループ',
    occurrences: '発生', removed: '除去した抽出の痕跡', pages: 'ページ番号', headers: '柱（各ページの見出し）', captions: '表の見出し（このツールが付けるもの）',
    uncertain: '要確認（import-uncertain）', none: 'なし', notWritten: '書き出していません。既にあります（上書きは --force）',
    check: '確かめる', missing: '（なし）', wrote: '書き出し', linked: '既存の記録を参照（書き出していません）',
    notMinutes: '議事要旨として読めません（表題「…（第N回）議事要旨」も議事の（１）もありません）。何も書き出していません',
  },
  en: {
    imported: 'imported', meeting: 'meeting', incident: 'incident', agenda: 'agenda', items: 'items', groups: 'attendee groups',
    occurrences: 'occurrences', removed: 'extraction artefacts removed', pages: 'page numbers', headers: 'running headers', captions: 'table captions (this tool prints them)',
    uncertain: 'uncertain (import-uncertain)', none: 'none', notWritten: 'nothing written: these exist already (--force overwrites)',
    check: 'check', missing: '(none)', wrote: 'wrote', linked: 'refers to the existing record (not written)',
    notMinutes: 'not read as minutes (no 「…（第N回）議事要旨」 title and no numbered agenda item); nothing written',
  },
} as const;

/** The report printed for each input: what was recognised, what is uncertain, and the command that checks the result. */
export function formatImportReport(reports: readonly FileReport[], lang: Lang, cwd: string): string {
  const w = words[lang];
  const rel = (f: string) => path.relative(cwd, f) || f;
  const out: string[] = [];
  for (const r of reports) {
    const m = r.result.meeting;
    out.push(`${w.imported}  ${rel(r.input)} (${r.format})`);
    if (!r.recognised) {
      out.push(`  ${w.notMinutes}`);
      continue;
    }
    const when = [m.date ?? '?', `${m.start ?? '?'}～${m.end ?? '?'}`, m.place ?? '?'].join(' ');
    out.push(`  ${w.meeting}  ${m.id}  ${m.committee ?? '電気通信事故検証会議'} 第${m.number ?? '?'}回 ${when}; ${w.agenda} ${m.agenda.length} ${w.items}; ${w.groups} ${m.attendees?.length ?? 0}${m.closingRemark ? '; closingRemark' : ''}`);
    for (const i of r.result.incidents) {
      const rec = i.record;
      const ops = rec.operators.map((o) => o.name).join('、') || w.missing;
      const sections = Object.entries(rec.sections).filter(([, v]) => v).map(([k]) => k).join(',');
      const link = r.linked.get(i.id);
      out.push(`  ${w.incident}  ${i.id}  ${ops}; ${w.occurrences} ${rec.occurrences.length}; ${rec.classification?.class.slice(0, 1) ?? '?'}; [${sections}]${link ? `; ${w.linked}: ${link}` : ''}`);
    }
    out.push(`  ${w.removed}: ${w.pages} ${r.result.removed.pageNumbers}, ${w.headers} ${r.result.removed.runningHeaders}, ${w.captions} ${r.result.removed.tableCaptions}`);
    out.push(`  ${w.uncertain}: ${r.diagnostics.length || w.none}`);
    if (r.blockedBy.length) out.push(`  ${w.notWritten}: ${r.blockedBy.map(rel).join(', ')}`);
    for (const f of r.written) out.push(`  ${w.wrote}  ${rel(f)}`);
    if (r.written.length) out.push(`  ${w.check}:  npx minutes check ${r.written.map(rel).join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** The same as data, for --json. */
export function importReportJson(reports: readonly FileReport[], cwd: string): string {
  const rel = (f: string) => path.relative(cwd, f) || f;
  return JSON.stringify(
    {
      files: reports.map((r) => ({
        input: rel(r.input),
        format: r.format,
        recognised: r.recognised,
        meeting: r.result.meeting,
        incidents: r.result.incidents.map((i) => ({ id: i.id, ...(r.linked.has(i.id) ? { linkedTo: r.linked.get(i.id) } : {}), ...i.record })),
        removed: r.result.removed,
        written: r.written.map(rel),
        blockedBy: r.blockedBy.map(rel),
        check: r.written.length ? `npx minutes check ${r.written.map(rel).join(' ')}` : undefined,
        diagnostics: r.diagnostics,
      })),
    },
    null,
    2,
  );
}
