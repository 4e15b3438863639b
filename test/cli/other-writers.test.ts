import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { stockportAssessmentFile, stockportPerson, tempDir } from "../helpers/workbooks";

const dir = tempDir();

/** Rewrites relationship targets as absolute part paths, the way openpyxl writes them. */
async function asOpenpyxlWould(source: string, target: string) {
  const zip = await JSZip.loadAsync(readFileSync(source));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/Target="\.\.\/([^"]+)"/g, 'Target="/xl/$1"'));
  }
  writeFileSync(target, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("workbooks written by other programs", () => {
  it("reads a file with absolute relationship targets (openpyxl), which ExcelJS's full reader cannot", async () => {
    const original = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-06": 1 })], undefined, "original.xlsx");
    const file = path.join(dir, "openpyxl-like.xlsx");
    await asOpenpyxlWould(original, file);

    await expect(new ExcelJS.Workbook().xlsx.readFile(file)).rejects.toThrow();
    const run = await runCli("check", file, "--json");
    const expected = await runCli("check", original, "--json");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(expected.stdout));
  });
});
