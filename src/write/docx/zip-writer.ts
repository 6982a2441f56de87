import { crc32, deflateRawSync } from 'node:zlib';

/**
 * One compressed entry of a zip archive. Computed once, it can go into any number of archives: the parts every Word
 * file of a style map shares are compressed once per process (docx-package-shell.ts).
 */
export interface ZipEntry {
  readonly name: string;
  readonly crc: number;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** The raw deflate stream. */
  readonly data: Uint8Array;
}

/**
 * The level of Node's zlib (its default). Node 20, 22 and 24 bundle Chromium's zlib (1.3.1 and 1.3.2.1), which give
 * the same deflate bytes for the same input at this level; test/write/zip-writer.test.ts pins them. Chromium's zlib
 * hashes with the CPU's CRC32C instruction where there is one (SSE4.2 with PCLMUL on x86-64, CRC on ARMv8, so every
 * machine Node 20 supports in practice); a CPU without it would give other, equally valid, deflate bytes.
 */
const LEVEL = 6;

/**
 * The zip epoch, the earliest date a zip can store: every entry is dated so, and a record whose dates are not published
 * is dated so in its properties (Word, PDF), so that the clock never enters a file.
 */
export const ZIP_EPOCH_DATE = '1980-01-01';

/** Every entry is dated at the zip epoch, 00:00. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function compressEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes, { level: LEVEL }) };
}

/** A zip archive of the entries, in the order given, with fixed times: the same entries give the same bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((entry) => Buffer.from(entry.name, 'utf8'));
  let length = 22;
  for (const [i, entry] of entries.entries()) length += 30 + 46 + 2 * names[i].length + entry.data.length;
  // Not from Buffer's shared pool: the worker threads hand the bytes' ArrayBuffer over whole (docx-worker.ts).
  const out = Buffer.allocUnsafeSlow(length);
  let offset = 0;
  const offsets: number[] = [];
  for (const [i, entry] of entries.entries()) {
    offsets.push(offset);
    offset = out.writeUInt32LE(0x04034b50, offset);
    offset = out.writeUInt16LE(20, offset); // version needed: 2.0 (deflate)
    offset = fileFields(out, offset, entry, names[i]);
    offset = out.writeUInt16LE(0, offset); // extra field length
    offset += names[i].copy(out, offset);
    offset += Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.length).copy(out, offset);
  }
  const directory = offset;
  for (const [i, entry] of entries.entries()) {
    offset = out.writeUInt32LE(0x02014b50, offset);
    offset = out.writeUInt16LE(20, offset); // version made by: 2.0, MS-DOS attributes
    offset = out.writeUInt16LE(20, offset);
    offset = fileFields(out, offset, entry, names[i]);
    offset = out.writeUInt16LE(0, offset); // extra field length
    offset = out.writeUInt16LE(0, offset); // comment length
    offset = out.writeUInt16LE(0, offset); // disk number
    offset = out.writeUInt16LE(0, offset); // internal attributes
    offset = out.writeUInt32LE(0, offset); // external attributes
    offset = out.writeUInt32LE(offsets[i], offset);
    offset += names[i].copy(out, offset);
  }
  const directorySize = offset - directory;
  offset = out.writeUInt32LE(0x06054b50, offset);
  offset = out.writeUInt16LE(0, offset);
  offset = out.writeUInt16LE(0, offset);
  offset = out.writeUInt16LE(entries.length, offset);
  offset = out.writeUInt16LE(entries.length, offset);
  offset = out.writeUInt32LE(directorySize, offset);
  offset = out.writeUInt32LE(directory, offset);
  offset = out.writeUInt16LE(0, offset); // comment length
  if (offset !== length) throw new Error(`zip writer: wrote ${offset} bytes, expected ${length}`);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The fields the local header and the central directory share, from the flags to the name's length. */
function fileFields(out: Buffer, start: number, entry: ZipEntry, name: Buffer): number {
  let offset = out.writeUInt16LE(0x0800, start); // flags: names are UTF-8
  offset = out.writeUInt16LE(8, offset); // method: deflate
  offset = out.writeUInt16LE(DOS_TIME, offset);
  offset = out.writeUInt16LE(DOS_DATE, offset);
  offset = out.writeUInt32LE(entry.crc >>> 0, offset);
  offset = out.writeUInt32LE(entry.data.length, offset);
  offset = out.writeUInt32LE(entry.size, offset);
  return out.writeUInt16LE(name.length, offset);
}
