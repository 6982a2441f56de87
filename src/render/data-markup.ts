/**
 * Markup that came from the data (a Markdown field rendered by `{{md}}`) is framed by two comments, so that a problem
 * in the rendered markup is blamed on the data file when it lies inside a frame and on the template otherwise.
 * The tree step skips comments; Markdown cannot write one (raw HTML is off, so `<!--` is escaped).
 */
const DATA_START = '<!--data-->';
const DATA_END = '<!--/data-->';

export const frameDataMarkup = (markup: string): string => `${DATA_START}${markup}${DATA_END}`;

/** The [start, end) offsets of every framed stretch of data markup in rendered markup. */
export function dataMarkupRanges(markup: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = markup.indexOf(DATA_START); start !== -1; start = markup.indexOf(DATA_START, start + 1)) {
    const end = markup.indexOf(DATA_END, start);
    ranges.push([start, end === -1 ? markup.length : end]);
  }
  return ranges;
}
