/**
 * Counts as the ministry and the operators write them, read as numbers without losing how they were written:
 * `50,246人`, `44万6000`, `3,060万`, `5.9万`, `約13.9万回線`, `最大約14万回線`, `延べ約1290万人以上`.
 *
 * Grammar (after NFKC, so full-width digits and commas count; spaces are ignored):
 *   count      = qualifier* amount unit? trailing?
 *   qualifier  = 約 | 最大 | 延べ | 少なくとも | 推計 | 概ね | およそ | 当初
 *   amount     = group+            groups in falling order: 1億2000万3000
 *   group      = digits ("." digits)? ("億" | "万")?     digits may carry , every three digits
 *   unit       = any text without digits (人, 回線, 件, 社, 契約 …)
 *   trailing   = 以上 | 超 | 程度 | 余 | 強 | 弱
 */
export const leadingQualifiers = ['少なくとも', '最大', '延べ', '推計', '概ね', 'およそ', '当初', '約'] as const;
export const trailingQualifiers = ['以上', '程度', '超', '余', '強', '弱'] as const;

export interface ParsedCount {
  number: number;
  qualifiers: string[];
  unit?: string;
}

const multipliers: Record<string, number> = { 億: 1e8, 万: 1e4, '': 1 };

/** Reads an amount such as 「44万6000」 or 「3,060万」; undefined when it is not one. */
export function parseAmount(text: string): number | undefined {
  const groups = [...text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(億|万)?/gy)];
  if (groups.length === 0 || groups.map((g) => g[0]).join('') !== text) return undefined;
  let total = 0;
  let previous = Infinity;
  for (const [, whole, fraction, unit] of groups) {
    const multiplier = multipliers[unit ?? ''];
    if (multiplier >= previous) return undefined;
    previous = multiplier;
    total += Number(`${whole.replace(/,/g, '')}${fraction ?? ''}`) * multiplier;
  }
  return Number.isSafeInteger(Math.round(total)) ? Math.round(total) : undefined;
}

function takeLeading(text: string, found: string[]): string {
  for (const q of leadingQualifiers) {
    if (text.startsWith(q)) {
      found.push(q);
      return takeLeading(text.slice(q.length), found);
    }
  }
  return text;
}

/** Parses a written count (see the grammar above); undefined when the text is not a count. */
export function parseCountText(written: string): ParsedCount | undefined {
  const qualifiers: string[] = [];
  let rest = takeLeading(written.normalize('NFKC').replace(/\s+/g, ''), qualifiers);
  const trailing = trailingQualifiers.find((q) => rest.endsWith(q));
  if (trailing) rest = rest.slice(0, -trailing.length);
  const amount = /^[\d,.億万]+/.exec(rest)?.[0] ?? '';
  // 「万」 or 「億」 at the end of the amount belongs to it; a unit never starts with a digit.
  const number = parseAmount(amount);
  if (number === undefined) return undefined;
  const unit = rest.slice(amount.length);
  if (/\d/.test(unit)) return undefined;
  return { number, qualifiers: trailing ? [...qualifiers, trailing] : qualifiers, ...(unit && { unit }) };
}

/** Qualifiers inside a free qualifier text: 「最大約」 → [最大, 約]. */
export function splitQualifiers(text: string | undefined): string[] {
  if (!text) return [];
  const found: string[] = [];
  const rest = takeLeading(text.normalize('NFKC').replace(/\s+/g, ''), found);
  return rest ? [...found, rest] : found;
}
