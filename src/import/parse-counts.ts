export interface Count {
  label?: string;
  qualifier?: string;
  value: number | string;
  unit?: string;
  suffix?: string;
  remark?: string;
}

const COUNT =
  /\s*(?:([^\s：:、]{1,30}?)\s*[：:]\s*)?(最大約|最大|約|延べ|累計|概ね)?\s*([0-9０-９][0-9０-９,，.．]*(?:\s*[万億])?)\s*(人|回線|社|件|契約|台|局|世帯|アカウント|ID|ＩＤ)?(以上|程度|超|未満|弱|強)?\s*(（[^（）]*）|\([^()]*\)|※)?/;

/**
 * Reads a count cell: 「有料プラン契約数：最大約 5.9万社 無料プラン契約数：最大約 8.3万社」, 「約48,000人」,
 * 「３万人以上（詳細非公表※）」. Half-width digits (with , grouping) become a number; a value with 万 or with
 * full-width digits stays the string as printed. Undefined when anything in the cell is not a count.
 */
export function parseCounts(text: string): Count[] | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const counts: Count[] = [];
  // A sticky expression of its own: the module's pattern is never advanced.
  const next = new RegExp(COUNT.source, 'y');
  while (next.lastIndex < t.length) {
    const at = next.lastIndex;
    const m = next.exec(t);
    if (!m || m[0].trim() === '') return undefined;
    const [, label, qualifier, rawValue, unit, suffix, remark] = m;
    const printed = rawValue.replace(/\s+/g, '');
    const value = /^[0-9]{1,3}(,[0-9]{3})*$|^[0-9]+$/.test(printed) ? Number(printed.replace(/,/g, '')) : printed;
    const count: Count = { value };
    if (label) count.label = label;
    if (qualifier) count.qualifier = qualifier;
    if (unit) count.unit = unit;
    if (suffix) count.suffix = suffix;
    if (remark) count.remark = remark;
    counts.push(count);
    if (next.lastIndex === at) return undefined;
  }
  return counts;
}

/** One count written as the format's single value, several as a list. */
export function countsValue(counts: Count[]): Count | Count[] {
  return counts.length === 1 ? counts[0] : counts;
}
