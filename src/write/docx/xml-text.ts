/**
 * Text and attribute values in WordprocessingML, escaped as the docx package escapes them (so that our parts equal
 * its parts byte for byte): the five XML entities, and the C0 control characters XML 1.0 cannot hold dropped.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function escapeXml(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');
}
