/** Full-width digits, letters and the common ASCII signs become half-width; everything else is unchanged. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written with full- or half-width digits, or in kanji up to 99 (十二, 二十), or 元 (the first year of an
 * era). Undefined for anything else.
 */
export function parseJapaneseNumber(text: string): number | undefined {
  const t = toHalfWidth(text.trim());
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '元') return 1;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? KANJI_DIGITS[m[1]] : 1) * 10 + (m[2] ? KANJI_DIGITS[m[2]] : 0);
  if (/^[〇一二三四五六七八九]$/.test(t)) return KANJI_DIGITS[t];
  return undefined;
}
