/** Columns a text takes in a monospaced rendering: full-width characters count 2 (as extraction wraps them). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.trim()) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}
