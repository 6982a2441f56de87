import type { IncidentData } from '../schema/incident.js';
import type { ReportData } from '../schema/report.js';

type Countermeasure = NonNullable<ReportData['countermeasures']>[number];

/** Causes grouped in the order the report first names each group (大規模化した原因, 長期化した原因 …). */
export function groupCauses(report: ReportData) {
  const groups = new Map<string, NonNullable<ReportData['causes']>>();
  for (const cause of report.causes ?? []) groups.set(cause.group, [...(groups.get(cause.group) ?? []), cause]);
  return [...groups].map(([group, causes]) => ({ group, causes }));
}

/** Countermeasures numbered 1, 2, 3 … across the kinds, 暫定 first, as the report lists them. */
export function numberCountermeasures(report: ReportData): { kind: Countermeasure['kind']; items: (Countermeasure & { number: number })[] }[] {
  const all = report.countermeasures ?? [];
  const ordered = [...all.filter((m) => m.kind === '暫定'), ...all.filter((m) => m.kind === '恒久')];
  const numbered = ordered.map((measure, i) => ({ ...measure, number: i + 1 }));
  return (['暫定', '恒久'] as const)
    .map((kind) => ({ kind, items: numbered.filter((m) => m.kind === kind) }))
    .filter((group) => group.items.length > 0);
}

/** Markdown of an ordered list item with its schedule note: 「1. text」 + 「【…】」. */
function measureItem(measure: Countermeasure & { number: number }): string {
  const schedule = measure.schedule ? `\n\n   ${measure.schedule}` : '';
  return `${measure.number}. ${measure.text}${schedule}`;
}

/**
 * The summary table's 発生原因 and 再発防止策 of a record that holds them only as structured report data, in the
 * same Markdown conventions the minutes use (＜…＞ sub-headings, 【…】 schedule notes).
 */
export function deriveSummarySections(data: IncidentData): { cause?: string; prevention?: string } {
  const report = data.report;
  if (!report) return {};
  const cause = groupCauses(report)
    .map(({ group, causes }) => [`＜${group}＞`, causes.map((c) => `- ${c.text}`).join('\n')].join('\n\n'))
    .join('\n\n');
  const prevention = numberCountermeasures(report)
    .map(({ kind, items }) => [`＜${kind}対処＞`, items.map(measureItem).join('\n\n')].join('\n\n'))
    .join('\n\n');
  return { ...(cause && { cause }), ...(prevention && { prevention }) };
}
