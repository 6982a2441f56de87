import type { StyleMap } from './docx/style-map.js';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A fontconfig file that gives the fonts the Word file asks for (ＭＳ 明朝, what the secretariat has) the free face
 * the style map names as their `fallback` (Noto Serif CJK JP from Debian's fonts-noto-cjk), so LibreOffice sets the
 * body in a Mincho face with matching Latin letters instead of falling back to a sans face. The system
 * configuration is included first, so every other font resolves as before.
 */
export function fontconfigForStyleMap(fonts: StyleMap['fonts']): string {
  const aliases = new Map<string, string>();
  for (const spec of Object.values(fonts)) {
    for (const family of [spec.eastAsia, spec.ascii]) if (family !== spec.fallback && !aliases.has(family)) aliases.set(family, spec.fallback);
  }
  const lines = [...aliases].map(
    ([family, fallback]) => `  <alias binding="same"><family>${escapeXml(family)}</family><prefer><family>${escapeXml(fallback)}</family></prefer></alias>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...lines,
    '</fontconfig>',
    '',
  ].join('\n');
}
