import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import zlib from "node:zlib";

/**
 * The zip container of an .xlsx (an OPC package), read and written without inflating what is
 * not asked for. Sizes are checked against limits from the central directory before anything is
 * inflated, and every inflate is capped at the size the directory declared, so a zip bomb is
 * refused in milliseconds instead of filling memory. Entries that are not changed are written
 * back as their original compressed bytes.
 */
export class ZipError extends Error {}

/** The package breaks a size limit (a zip bomb, or far larger than a workbook should be); nothing past the limit was inflated. */
export class ZipLimitError extends ZipError {}

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest declared uncompressed size / compressed size, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 500,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxEntries: 50_000,
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header in the original bytes; undefined for entries added since. */
  localOffset?: number;
  /** Set for entries added or replaced since reading: their bytes, compressed when they were set. */
  deflated?: Buffer;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const UTF8_FLAG = 0x0800;

let crcTable: Uint32Array | undefined;
/** CRC-32 as zip wants it, continuing from `previous` (node's zlib.crc32 is not in every Node 20). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Part names compare without a leading slash, with forward slashes, ignoring case (OPC part names are case-insensitive). */
function key(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const STREAM_CHUNK_BYTES = 64 * 1024;

/** A stored part in stream-sized pieces, so a reader never decodes it as one string. */
function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += STREAM_CHUNK_BYTES) yield bytes.subarray(at, at + STREAM_CHUNK_BYTES);
}

/** Text pieces gathered into blocks of about this many characters, each compressed as it fills. */
const DEFLATE_BLOCK_CHARS = 1 << 20;

/**
 * Compresses text that comes in pieces (a sheet's rows) block by block, holding one block of text
 * at a time. Each block but the last ends with a sync flush and no final mark, so the blocks
 * joined are one deflate stream, as pigz writes them.
 */
function deflatePieces(pieces: Iterable<string>): { deflated: Buffer; crc: number; size: number } {
  const blocks: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  const compress = (last: boolean) => {
    const bytes = Buffer.from(pending.join(""), "utf8");
    crc = crc32(bytes, crc);
    size += bytes.length;
    blocks.push(zlib.deflateRawSync(bytes, { level: 6, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }));
    pending = [];
    pendingChars = 0;
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingChars += piece.length;
    if (pendingChars >= DEFLATE_BLOCK_CHARS) compress(false);
  }
  compress(true);
  return { deflated: Buffer.concat(blocks), crc, size };
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Where a package's bytes come from: a buffer, or an open file read where needed. Reads past the end come back short. */
interface ZipSource {
  readonly length: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

function bufferSource(bytes: Buffer): ZipSource {
  return { length: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length), close: () => undefined };
}

/** A file read piece by piece, so a large workbook is never held whole: only the parts asked for are read. */
function fileSource(fd: number): ZipSource {
  return {
    length: fs.fstatSync(fd).size,
    read(offset, length) {
      const buffer = Buffer.allocUnsafe(Math.max(0, length));
      const read = length > 0 && offset >= 0 ? fs.readSync(fd, buffer, 0, length, offset) : 0;
      return buffer.subarray(0, read);
    },
    close: () => fs.closeSync(fd),
  };
}

export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();

  private constructor(private readonly source: ZipSource) {}

  /** Reads the central directory of `bytes`; throws ZipError when it is not a zip or breaks a limit. */
  static read(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipPackage {
    const pkg = new ZipPackage(bufferSource(bytes));
    pkg.readDirectory(limits);
    return pkg;
  }

  /**
   * Reads the central directory of the open file `fd`, which the package then reads parts from as
   * they are asked for, and closes on close(); throws ZipError as read() does (the file is then closed).
   */
  static open(fd: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipPackage {
    const pkg = new ZipPackage(fileSource(fd));
    try {
      pkg.readDirectory(limits);
    } catch (error) {
      pkg.close();
      throw error;
    }
    return pkg;
  }

  /** An empty package, to build a new workbook in. */
  static create(): ZipPackage {
    return new ZipPackage(bufferSource(Buffer.alloc(0)));
  }

  /** Lets go of the file an opened package reads from. */
  close(): void {
    this.source.close();
  }

  private readDirectory(limits: ZipLimits) {
    const source = this.source;
    // The end record is in the last 22 bytes, or before a comment of at most 65,535 bytes.
    const tailStart = Math.max(0, source.length - 22 - 0xffff);
    const tail = source.read(tailStart, source.length - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("its zip directory is missing (the file is truncated or not a zip archive)");
    let count = tail.readUInt16LE(eocd + 10);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    const dirEnd = tailStart + eocd;
    if (count === 0xffff || dirOffset === 0xffffffff) {
      const locator = source.read(dirEnd - 20, 20);
      if (locator.length < 20 || locator.readUInt32LE(0) !== SIG_EOCD64_LOCATOR) throw new ZipError("its zip64 directory locator is missing");
      const record = source.read(Number(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== SIG_EOCD64) throw new ZipError("its zip64 directory is damaged");
      count = Number(record.readBigUInt64LE(32));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > limits.maxEntries) throw new ZipLimitError(`it holds ${count} parts, more than the ${limits.maxEntries} a workbook can sensibly have`);
    if (dirOffset > dirEnd) throw new ZipError("its zip directory is damaged");
    const b = source.read(dirOffset, dirEnd - dirOffset);
    let p = 0;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError("its zip directory is damaged");
      const flags = b.readUInt16LE(p + 8);
      const method = b.readUInt16LE(p + 10);
      const crc = b.readUInt32LE(p + 16);
      let compressedSize = b.readUInt32LE(p + 20);
      let size = b.readUInt32LE(p + 24);
      const nameLength = b.readUInt16LE(p + 28);
      const extraLength = b.readUInt16LE(p + 30);
      const commentLength = b.readUInt16LE(p + 32);
      let localOffset = b.readUInt32LE(p + 42);
      const name = b.toString(flags & UTF8_FLAG ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
      // Zip64: the real sizes and offset are in extra field 0x0001, in this order, for those set to 0xFFFFFFFF.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = b.readUInt16LE(e);
        const len = b.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const next = () => {
            const value = Number(b.readBigUInt64LE(q));
            q += 8;
            return value;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
        }
        e += 4 + len;
      }
      p = extraEnd + commentLength;
      if (name.endsWith("/")) continue;
      if (flags & 1) throw new ZipError(`its part ${name} is encrypted`);
      if (method !== 0 && method !== 8) throw new ZipError(`its part ${name} uses zip compression method ${method}, which workbooks do not use`);
      total += size;
      if (total > limits.maxTotalBytes) {
        throw new ZipLimitError(`it would expand to more than ${MB(limits.maxTotalBytes)} (a zip bomb, or far larger than a workbook should be), so it was not opened`);
      }
      if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
        throw new ZipLimitError(`its part ${name} would expand ${Math.round(size / Math.max(1, compressedSize))} times (to ${MB(size)}), as a zip bomb does, so it was not opened`);
      }
      const entry: Entry = { name, method, flags, crc, compressedSize, size, localOffset };
      this.entries.push(entry);
      this.byKey.set(key(name), entry);
    }
  }

  /** Part names as stored, in the package's order. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byKey.has(key(name));
  }

  /** The declared uncompressed size of a part. */
  size(name: string): number {
    return this.entry(name).size;
  }

  private entry(name: string): Entry {
    const entry = this.byKey.get(key(name));
    if (!entry) throw new ZipError(`its part ${name} is missing`);
    return entry;
  }

  /** Where a part's compressed bytes start, after its local header. */
  private rawStart(entry: Entry): number {
    const at = entry.localOffset as number;
    const header = this.source.read(at, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw new ZipError(`its part ${entry.name} is damaged`);
    const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.source.length) throw new ZipError(`its part ${entry.name} is truncated`);
    return start;
  }

  private raw(entry: Entry): Buffer {
    return this.source.read(this.rawStart(entry), entry.compressedSize);
  }

  /** A part's compressed bytes in stream-sized pieces, read as they are wanted. */
  private *rawSlices(entry: Entry, start: number): Generator<Buffer> {
    for (let at = 0; at < entry.compressedSize; at += STREAM_CHUNK_BYTES) yield this.source.read(start + at, Math.min(STREAM_CHUNK_BYTES, entry.compressedSize - at));
  }

  /** A part's bytes, inflated; never more than the directory declared. */
  bytes(name: string): Buffer {
    const entry = this.entry(name);
    if (entry.deflated) return zlib.inflateRawSync(entry.deflated);
    const raw = this.raw(entry);
    if (entry.method === 0) return raw;
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof RangeError || code === "ERR_BUFFER_TOO_LARGE") throw new ZipLimitError(`its part ${entry.name} expands past the size its directory declares (a zip bomb?)`);
      throw new ZipError(`its part ${entry.name} is damaged (${(error as Error).message})`);
    }
  }

  /** A part as text; a UTF-8 byte order mark is dropped. */
  text(name: string): string {
    const text = this.bytes(name).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * A part as a stream of inflated chunks, for parts too large to hold as one string. Inflating
   * stops as soon as it passes the declared size.
   */
  stream(name: string): Readable {
    const entry = this.entry(name);
    if (entry.deflated) return Readable.from(slices(this.bytes(name)));
    if (entry.method === 0) return Readable.from(this.rawSlices(entry, this.rawStart(entry)));
    let seen = 0;
    const inflate = zlib.createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES });
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        if (seen <= entry.size) return done(null, chunk);
        inflate.destroy();
        done(new ZipLimitError(`its part ${entry.name} expands past the size its directory declares (a zip bomb?)`));
      },
    });
    inflate.on("error", (error) => cap.destroy(new ZipError(`its part ${entry.name} is damaged (${error.message})`)));
    const compressed = Readable.from(this.rawSlices(entry, this.rawStart(entry)));
    compressed.on("error", (error) => cap.destroy(new ZipError(`its part ${entry.name} could not be read (${error.message})`)));
    compressed.pipe(inflate).pipe(cap);
    // A reader that stops early (it has read what it needs) leaves nothing reading or inflating the rest.
    cap.on("close", () => {
      compressed.destroy();
      inflate.destroy();
    });
    return cap;
  }

  /**
   * Inflates every part read from the file through the size cap and checks its CRC, holding no
   * part whole, so a damaged or lying part is found before a write copies it unread.
   */
  async verifyParts(): Promise<void> {
    for (const entry of this.entries) {
      if (entry.deflated) continue;
      let crc = 0;
      for await (const chunk of this.stream(entry.name)) crc = zlib.crc32(chunk as Buffer, crc);
      if (crc !== entry.crc) throw new ZipError(`its part ${entry.name} is damaged (its checksum does not match)`);
    }
  }

  /**
   * Adds a part, or replaces one (keeping its place in the package), compressed at once. A large
   * part may come as pieces of text (a sheet's rows, as they are made): they are compressed a
   * block at a time, so the part is never whole in memory, as text or as bytes.
   */
  set(name: string, data: Buffer | string | Iterable<string>): void {
    const { deflated, crc, size } = typeof data === "string" ? deflatePieces([data]) : Buffer.isBuffer(data) ? { deflated: zlib.deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length } : deflatePieces(data);
    const existing = this.byKey.get(key(name));
    const entry: Entry = { name: existing?.name ?? name.replace(/^\/+/, ""), method: 8, flags: UTF8_FLAG, crc, compressedSize: deflated.length, size, deflated };
    if (existing) this.entries[this.entries.indexOf(existing)] = entry;
    else this.entries.push(entry);
    this.byKey.set(key(name), entry);
  }

  delete(name: string): void {
    const existing = this.byKey.get(key(name));
    if (!existing) return;
    this.entries.splice(this.entries.indexOf(existing), 1);
    this.byKey.delete(key(name));
  }

  /** The package as zip bytes: parts not changed keep their original compressed bytes. */
  toBuffer(): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      const name = Buffer.from(entry.name, "utf8");
      const body = entry.deflated ?? this.raw(entry);
      const { method } = entry;
      if (offset > 0xfffffff0 || body.length > 0xfffffff0 || entry.size > 0xfffffff0) throw new ZipError("the workbook would be larger than 4 GB");
      // Version needed, flags, method, time, date, CRC, sizes and name length: alike in both headers.
      const common = Buffer.alloc(24);
      common.writeUInt16LE(20, 0);
      common.writeUInt16LE(UTF8_FLAG, 2);
      common.writeUInt16LE(method, 4);
      common.writeUInt16LE(0x21, 8);
      common.writeUInt32LE(entry.crc, 10);
      common.writeUInt32LE(body.length, 14);
      common.writeUInt32LE(entry.size, 18);
      common.writeUInt16LE(name.length, 22);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(SIG_LOCAL, 0);
      common.copy(local, 4);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(SIG_CENTRAL, 0);
      header.writeUInt16LE(20, 4);
      common.copy(header, 6);
      header.writeUInt32LE(offset, 42);
      chunks.push(local, name, body);
      central.push(header, name);
      offset += local.length + name.length + body.length;
    }
    const dir = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, dir, end]);
  }
}
