import { createHash } from 'node:crypto';

/**
 * Makes a PDF written by LibreOffice reproducible: it stamps the clock into the document information
 * (/CreationDate), the XMP metadata (xmp:CreateDate) and the file identifier (/ID, and its own /DocChecksum).
 * These are replaced, byte for byte in the same length, by the record's date and by a hash of the rest of the
 * file, so no offset in the cross-reference table moves. Anything else LibreOffice writes is already the same
 * from run to run (checked by the LibreOffice integration test, which converts twice).
 */
export function stampPdfDates(pdf: Uint8Array, isoDate: string): Uint8Array {
  const [year, month, day] = isoDate.split('-');
  // latin1 keeps one character per byte, so lengths and offsets are unchanged.
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(/\/CreationDate\(D:\d{14}Z'\)/g, `/CreationDate(D:${year}${month}${day}000000Z')`);
  text = text.replace(/\/ModDate\(D:\d{14}Z'\)/g, `/ModDate(D:${year}${month}${day}000000Z')`);
  text = text.replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</g, (_, name: string) => `<xmp:${name}>${isoDate}T00:00:00Z<`);
  const identifiers = /(\/ID \[ <)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}(> \]\s*\/DocChecksum \/)[0-9A-F]{32}/;
  const blank = text.replace(identifiers, (_, a: string, b: string, c: string) => `${a}${'0'.repeat(32)}${b}${'0'.repeat(32)}${c}${'0'.repeat(32)}`);
  const digest = createHash('md5').update(Buffer.from(blank, 'latin1')).digest('hex').toUpperCase();
  text = text.replace(identifiers, (_, a: string, b: string, c: string) => `${a}${digest}${b}${digest}${c}${digest}`);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
