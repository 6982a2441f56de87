/** Sub-numbering styles for several incidents under one agenda item. */
const sequences = {
  katakana: 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ',
  iroha: 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス',
  circled: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿',
} as const;

export type SubNumberingStyle = keyof typeof sequences;

/** The marker of the n-th (0-based) item: ア, イ … or ①, ② …; past the end of a sequence, 「（51）」. */
export function subNumber(style: SubNumberingStyle, index: number): string {
  const chars = [...sequences[style]];
  return index < chars.length ? chars[index] : `（${index + 1}）`;
}

/** 「（1）」 */
export function agendaNumber(index: number): string {
  return `（${index + 1}）`;
}
