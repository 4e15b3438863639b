import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { readGrids } from "../../src/xlsx/read";
import { runCli } from "../helpers/cli";
import { exceljsCopy, expectNothingLost, handMadeCopy, openpyxlCopy, partsOf, editablePart, sheetNames } from "../helpers/corpus";
import { expectValidXlsx, hyperlinks, sheetXml } from "../helpers/ooxml";
import { hasSoffice, libreOfficeCopy, requirePrograms, sheetsAsCsvText } from "../helpers/other-programs";
import { tempDir } from "../helpers/workbooks";

jest.setTimeout(240_000);
const dir = tempDir("hr-corpus-");
const ASSESS = "Assess Library Assistant";

const withOpenpyxl = requirePrograms("openpyxl");
const withSoffice = requirePrograms("soffice");

/** Our own assessment workbook with scores, the starting point every other writer edits. */
async function assessmentWorkbook(): Promise<string> {
  const file = path.join(tempDir("hr-corpus-ours-"), "ours.xlsx");
  expect((await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann;Bo")).code).toBe(0);
  return file;
}

interface CorpusFile {
  writer: string;
  make: (ours: string) => Promise<string>;
  /** Sheets the writer added to our workbook. */
  sheets: string[];
  /** Parts that must be in the package, so a test cannot pass on a corpus file that lacks them. */
  mustHave: RegExp[];
}

const corpus: CorpusFile[] = [
  {
    writer: "ExcelJS",
    make: async (ours) => {
      const file = path.join(dir, "exceljs.xlsx");
      await exceljsCopy(ours, file);
      return file;
    },
    sheets: [ASSESS, "Photos"],
    mustHave: [/^xl\/media\/image\d*\.png$/, /^xl\/drawings\/drawing\d+\.xml$/, /^xl\/comments\d*\.xml$/i],
  },
  {
    writer: "hand-made (dynamic array, custom XML, macros)",
    make: async (ours) => {
      const file = path.join(dir, "hand-made.xlsm");
      handMadeCopy(ours, file);
      return file;
    },
    sheets: [ASSESS, "Spill"],
    mustHave: [/^xl\/metadata\.xml$/, /^xl\/vbaProject\.bin$/, /^customXml\/item1\.xml$/, /^customXml\/itemProps1\.xml$/],
  },
];
if (withOpenpyxl) {
  corpus.push({
    writer: "openpyxl",
    make: async (ours) => {
      const file = path.join(dir, "openpyxl.xlsx");
      openpyxlCopy(ours, file);
      return file;
    },
    sheets: [ASSESS, "Budget"],
    mustHave: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/, /^xl\/comments\/?comment\d*\.xml$/i],
  });
}
if (withOpenpyxl && withSoffice) {
  corpus.push({
    writer: "LibreOffice (re-saved openpyxl file with a chart)",
    make: async (ours) => {
      const source = path.join(dir, "for-libreoffice.xlsx");
      openpyxlCopy(ours, source);
      const out = tempDir("hr-corpus-lo-");
      return libreOfficeCopy(source, out);
    },
    sheets: [ASSESS, "Budget"],
    mustHave: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/, /^xl\/comments\d*\.xml$/i],
  });
}

describe.each(corpus)("a workbook written by $writer", ({ make, sheets, mustHave }) => {
  let original: string;
  let before: Buffer;
  beforeAll(async () => {
    original = await make(await assessmentWorkbook());
    before = readFileSync(original);
  });

  it("is what it claims: its sheets and the parts the writer adds are there", () => {
    expect(sheetNames(original)).toEqual(sheets);
    const names = [...partsOf(before).keys()];
    for (const wanted of mustHave) expect({ wanted: String(wanted), found: names.some((n) => wanted.test(n)) }).toEqual({ wanted: String(wanted), found: true });
  });

  it("fill and template add their sheets and keep every part", async () => {
    const file = path.join(dir, `edited-${path.basename(original)}`);
    copyFileSync(original, file);
    expect((await runCli("fill", file, "--framework", "stockport-library-assistant")).code).toBe(0);
    const template = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Cy;Di");
    expect(template.code).toBe(0);
    const after = readFileSync(file);
    expectNothingLost(before, after);
    expect(sheetNames(file)).toEqual([...sheets, "Library Assistant", `${ASSESS} (2)`]);
    await expectValidXlsx(after, (part) => !partsOf(before).has(part) || editablePart(part));

    const grids = await readGrids(file);
    const criteria = grids.find((g) => g.name === "Library Assistant")!;
    expect(criteria.values.flat()).toContain("SLA-24");
    expect(grids.find((g) => g.name === `${ASSESS} (2)`)!.values.map((row) => row[0])).toEqual(expect.arrayContaining(["Cy", "Di"]));
    if (hasSoffice) {
      const csv = sheetsAsCsvText(file, tempDir("hr-corpus-csv-"));
      expect(csv.get("Library Assistant")).toContain("SLA-24");
      expect(csv.get(`${ASSESS} (2)`)).toMatch(/^Cy,/m);
    }
  });

  it("check --report writes a copy with the report and every part of the original", async () => {
    const out = path.join(dir, `report-${path.basename(original, path.extname(original))}.xlsx`);
    const run = await runCli("check", original, "--report", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(readFileSync(original).equals(before)).toBe(true);
    const after = readFileSync(out);
    expectNothingLost(before, after);
    expect(sheetNames(out)).toEqual([...sheets, "Check results"]);
    await expectValidXlsx(after, (part) => !partsOf(before).has(part) || editablePart(part));
  });

  it("the report's links name the real sheet", async () => {
    const out = path.join(dir, `links-${path.basename(original, path.extname(original))}.xlsx`);
    await runCli("check", original, "--report", out);
    const links = hyperlinks(sheetXml(out, "Check results"));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/ -> 'Assess Library Assistant'!/);
  });
});
