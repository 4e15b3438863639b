import ExcelJS from "exceljs";
import { fstatSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyPlan } from "../../src/core/layout/plan";
import { checkFile } from "../../src/xlsx/check-file";
import { createWorkbookFile } from "../../src/xlsx/workbook";
import { ZipPackage } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";
import { handmadeXlsx, MAIN_NS } from "./handmade";

const dir = tempDir("hr-zip-");

/** A valid workbook whose first part's checksum in the zip directory is wrong, as a damaged copy would be. */
function withBadChecksum(): Buffer {
  const bytes = Buffer.from(handmadeXlsx([{ name: "Scores", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }]));
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE((bytes.readUInt32LE(central + 16) ^ 0xffffffff) >>> 0, central + 16);
  return bytes;
}

describe("the zip layer", () => {
  it("gives every part back unchanged after a rewrite, and the parts added to it", () => {
    const original = ZipPackage.read(Buffer.from(handmadeXlsx([{ name: "A", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }])));
    original.set("xl/extra.xml", "<x>é</x>");
    const again = ZipPackage.read(original.toBuffer());
    for (const name of original.names()) expect([name, again.bytes(name).equals(original.bytes(name))]).toEqual([name, true]);
    expect(again.text("/XL/EXTRA.XML")).toBe("<x>é</x>");
  });

  it("finds a part whose checksum does not match before a write copies it unread", async () => {
    await expect(ZipPackage.read(withBadChecksum()).verifyParts()).rejects.toThrow(/is damaged \(its checksum does not match\)/);
    const file = path.join(dir, "bad-checksum.xlsx");
    writeFileSync(file, withBadChecksum());
    const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be added to: its part .* is damaged \(its checksum does not match\)\. It was left as it is\./);
    expect(readFileSync(file).equals(withBadChecksum())).toBe(true);
  });

  it("reads a package from an open file part by part as it reads one held in memory, and lets the file go", async () => {
    const bytes = Buffer.from(handmadeXlsx([{ name: "A", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>` }]));
    // An archive comment puts the end record before the file's last 22 bytes.
    const comment = Buffer.from("saved by a tool that leaves a comment");
    const commented = Buffer.concat([bytes, comment]);
    commented.writeUInt16LE(comment.length, bytes.length - 2);
    const file = path.join(dir, "commented.xlsx");
    writeFileSync(file, commented);
    const inMemory = ZipPackage.read(commented);
    const fd = openSync(file, "r");
    const fromFile = ZipPackage.open(fd);
    expect(fromFile.names()).toEqual(inMemory.names());
    for (const name of inMemory.names()) {
      const streamed: Buffer[] = [];
      for await (const chunk of fromFile.stream(name)) streamed.push(chunk as Buffer);
      expect([name, Buffer.concat(streamed).equals(inMemory.bytes(name))]).toEqual([name, true]);
    }
    fromFile.close();
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });

  it("leaves no file open after a check, whether it succeeds or the file is refused", async () => {
    const openFiles = () => readdirSync("/proc/self/fd").length;
    const good = path.join(dir, "good.xlsx");
    writeFileSync(good, handmadeXlsx([{ name: "A", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }]));
    const truncated = path.join(dir, "truncated.xlsx");
    writeFileSync(truncated, readFileSync(good).subarray(0, 200));
    const before = openFiles();
    await checkFile(good);
    await expect(checkFile(truncated)).rejects.toThrow(/truncated or damaged/);
    expect(openFiles()).toBe(before);
  });

  it("writes a sheet of several compressed blocks as one part that another program reads whole", async () => {
    // About 3 MB of sheet XML: written as rows are made, compressed a block at a time.
    const plan = emptyPlan("report", "Big");
    const rows = 40_000;
    plan.blocks.push({ row: 0, col: 0, cells: Array.from({ length: rows }, (_, r) => [`Person ${r + 1}`, r, `note ${"é".repeat(r % 7)}`]) });
    const file = path.join(dir, "big.xlsx");
    await createWorkbookFile(file, [plan]);
    await expect(ZipPackage.read(readFileSync(file)).verifyParts()).resolves.toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Big")!;
    expect(sheet.rowCount).toBe(rows);
    for (const r of [0, 1, 12_345, rows - 1]) expect(sheet.getRow(r + 1).values).toEqual([undefined, `Person ${r + 1}`, r, `note ${"é".repeat(r % 7)}`]);
  });
});
