/**
 * Bounds on the zip archives CEAD reads (.docx letters, tracker.xlsx), checked before any reading library
 * sees the bytes. A compression bomb (a small zip that inflates to hundreds of MB of XML) once drove
 * `cead draft` to 4.5 GB and a V8 abort; a truncated file gave an "unexpected error" for the whole run.
 *
 * The check reads the zip's central directory and inflates every entry with a ceiling on its output
 * (zlib's `maxOutputLength`), so the sizes counted are the real ones, not the sizes the archive declares.
 * The reading libraries then read the same entries, already known to be within the limits.
 */
import { inflateRawSync } from 'node:zlib';

export interface ArchiveLimits {
  /** Most entries (files) in the archive. */
  readonly entries: number;
  /** Most bytes of all entries together, inflated. */
  readonly totalBytes: number;
  /** Most bytes of one XML entry (`.xml`, `.rels`), inflated: what the XML parsers hold in memory. */
  readonly xmlBytes: number;
}

const MB = 1024 * 1024;

/** A letter (.docx): CEAD's own are about 10 KB; a Word letter with a letterhead image a few MB. */
export const DOCX_LIMITS: ArchiveLimits = { entries: 1000, totalBytes: 64 * MB, xmlBytes: 16 * MB };
/** tracker.xlsx: 20,000 orders with their responses are about 80 MB of XML. */
export const XLSX_LIMITS: ArchiveLimits = { entries: 1000, totalBytes: 256 * MB, xmlBytes: 128 * MB };

/** Why an archive is not read; the message is a short phrase for one line ("… (the archive is truncated)"). */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ArchiveError('it is not a complete zip archive: truncated');
}

function inflated(data: Buffer, method: number, ceiling: number, name: string): number {
  if (method === 0) return data.length;
  if (method !== 8)
    throw new ArchiveError(`entry ${name} uses a compression method zip readers do not share`);
  try {
    return inflateRawSync(data, { maxOutputLength: ceiling + 1 }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return ceiling + 1;
    }
    throw new ArchiveError(`entry ${name} is damaged (${(e as Error).message})`);
  }
}

/** Throws `ArchiveError` unless `bytes` is a whole zip archive within `limits`. */
export function assertArchiveWithinLimits(bytes: Uint8Array, limits: ArchiveLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new ArchiveError('it is not a zip archive');
  const end = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ArchiveError('it is a ZIP64 archive, too large');
  if (count > limits.entries) {
    throw new ArchiveError(`it has ${count} entries, more than the ${limits.entries} allowed`);
  }
  let at = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) {
      throw new ArchiveError('its directory is damaged (truncated or not a zip)');
    }
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) {
      throw new ArchiveError(`entry ${name} is missing (the archive is truncated)`);
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new ArchiveError(`entry ${name} is truncated`);
    const isXml = /\.(xml|rels)$/i.test(name);
    const ceiling = Math.min(limits.totalBytes - total, isXml ? limits.xmlBytes : Number.POSITIVE_INFINITY);
    const size = inflated(buf.subarray(start, start + compressed), method, ceiling, name);
    if (isXml && size > limits.xmlBytes) {
      throw new ArchiveError(`entry ${name} inflates to more than ${limits.xmlBytes / MB} MB of XML`);
    }
    total += size;
    if (total > limits.totalBytes) {
      throw new ArchiveError(`it inflates to more than ${limits.totalBytes / MB} MB`);
    }
  }
}
