import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compressEntry, writeZip } from '../../src/write/docx/zip-writer.js';

/** A part shaped like a Word body: repeated markup around Japanese text, about 60 KB. */
function sampleXml(): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < 400; i++) rows.push(`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>第${i}回 電気通信事故検証会議 議事要旨（${(i * 7919) % 1000}件）</w:t></w:r></w:p>`);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document><w:body>${rows.join('')}</w:body></w:document>`, 'utf8');
}

describe('the zip writer', () => {
  it('writes an archive another reader opens, with the entries in the order given and their bytes intact', () => {
    const xml = sampleXml();
    const small = Buffer.from('<Relationships/>');
    const zip = writeZip([compressEntry('word/document.xml', xml), compressEntry('_rels/.rels', small), compressEntry('empty.bin', new Uint8Array())]);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(['word/document.xml', '_rels/.rels', 'empty.bin']);
    expect(Buffer.from(entries['word/document.xml']).equals(Buffer.from(xml))).toBe(true);
    expect(Buffer.from(entries['_rels/.rels']).toString()).toBe('<Relationships/>');
    expect(entries['empty.bin'].length).toBe(0);
    expect(zip.length).toBeLessThan(xml.length / 4);
  });

  it('dates every entry 1980-01-01 00:00, whatever the clock says', () => {
    const zip = Buffer.from(writeZip([compressEntry('a.xml', Buffer.from('<a/>'))]));
    // Local header: modification time at offset 10, date at 12 (DOS format: 1980-01-01 is 0x0021).
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(10)).toBe(0);
    expect(zip.readUInt16LE(12)).toBe(0x21);
  });

  it('gives the same deflate bytes on every Node version the tool supports (pinned; CI runs Node 20, 22 and 24)', () => {
    const zip = writeZip([compressEntry('word/document.xml', sampleXml())]);
    // Written on Node 20.20.2 and checked on 22.23.3 and 24.21.0 (zlib 1.3.1 and 1.3.2.1 of Chromium). A new Node whose
    // zlib deflates differently changes every .docx's bytes (never their content): the seed pins would say so too.
    expect(createHash('sha256').update(zip).digest('hex')).toBe('d6922d75e75bd53f4b56cab0c345af6d7ab96e84c29f8a6bbce99d979fee515e');
  });
});
