import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { crc32, ZipPackage } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";
import { handmadeXlsx, MAIN_NS } from "./handmade";

// A sanity bound only (the time goal is in the benchmark): refusing must not take a minute.
jest.setTimeout(30_000);
const dir = tempDir("hr-xlsx-bomb-");
const MB = 1024 * 1024;

/**
 * A worksheet part that really inflates to `megabytes` MB: its XML start, then the same
 * fully flushed deflate segment of 1 MB of spaces again and again (each segment stands alone,
 * so repeating its bytes repeats its output), then an empty final block.
 */
function bombSheet(megabytes: number): { compressed: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = Buffer.from(`<worksheet xmlns="${MAIN_NS}"><sheetData>`);
  const spaces = zlib.deflateRawSync(Buffer.alloc(MB, 0x20), flush);
  const compressed = Buffer.concat([zlib.deflateRawSync(head, flush), ...Array<Buffer>(megabytes).fill(spaces), Buffer.from([0x03, 0x00])]);
  return { compressed, size: head.length + megabytes * MB };
}

/** A zip of the entries, each stored as the compressed bytes given, declaring the size and checksum given. */
function rawZip(entries: { name: string; compressed: Buffer; declaredSize: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A valid small workbook whose sheet1 part is replaced by the bomb, declaring `declaredSize`. */
function bombWorkbook(name: string, megabytes: number, declaredSize: (realSize: number) => number): string {
  const normal = ZipPackage.read(handmadeXlsx([{ name: "Scores", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }]));
  const bomb = bombSheet(megabytes);
  const entries = normal.names().map((part) => {
    // The bomb's checksum is never reached: the size cap stops its inflate first.
    if (part === "xl/worksheets/sheet1.xml") return { name: part, compressed: bomb.compressed, declaredSize: declaredSize(bomb.size), crc: 0 };
    const bytes = normal.bytes(part);
    return { name: part, compressed: zlib.deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
  });
  const file = path.join(dir, name);
  writeFileSync(file, rawZip(entries));
  return file;
}

it("the bomb builder makes a part that really inflates to its size", () => {
  const { compressed, size } = bombSheet(3);
  const inflated = zlib.inflateRawSync(compressed);
  expect(inflated.length).toBe(size);
  expect(inflated.subarray(inflated.length - 10).toString()).toBe(" ".repeat(10));
});

describe("zip bombs are refused with exit 2 and one line, before they fill memory", () => {
  it("a 2 GB worksheet from a 2 MB file, declared honestly: refused from the directory", async () => {
    const file = bombWorkbook("honest-bomb.xlsx", 2047, (real) => real);
    expect(readFileSync(file).length).toBeLessThan(5 * MB);
    const run = await runCli("check", file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/was refused: .*zip bomb.*If it is a real workbook, open it in Excel and split it/);
  });

  it("a worksheet whose directory says 1 MB but which inflates to 2 GB: the capped inflate stops it", async () => {
    const file = bombWorkbook("lying-bomb.xlsx", 2047, () => MB);
    const before = process.memoryUsage().rss;
    const run = await runCli("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/was refused: its part xl\/worksheets\/sheet1\.xml expands past the size its directory declares \(a zip bomb\?\)/);
    // Only the declared megabyte was inflated, not two gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it("template into a lying bomb is refused and the file is left as it was", async () => {
    const file = bombWorkbook("lying-bomb-template.xlsx", 2047, () => MB);
    const bytes = readFileSync(file);
    const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expands past the size its directory declares/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
