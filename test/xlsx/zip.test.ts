import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
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
});
