import { DOMParser } from "@xmldom/xmldom";
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMPUTED_HEADERS } from "../../src/core/layout/assessment-sheet";
import { ZipPackage } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { expectValidXlsx, sheetXml } from "../helpers/ooxml";
import { tempDir } from "../helpers/workbooks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");

describe("an assessment table written to a file", () => {
  it("makes the six computed columns calculated columns, stored as the first person's row formulas", async () => {
    const file = path.join(tempDir("hr-calc-"), "team.xlsx");
    expect((await runCli("template", file, "--framework", "medway-libraries-2024", "--role", "library-assistant", "--level", "B", "--people", "Ann;Bo;Cy")).code).toBe(0);
    await expectValidXlsx(file);

    const zip = ZipPackage.read(readFileSync(file));
    const tablePart = zip.names().find((n) => /^xl\/tables\/.*\.xml$/.test(n))!;
    const columns = Array.from(parse(zip.text(tablePart)).getElementsByTagNameNS(MAIN, "tableColumn"));
    const calculated = columns.flatMap((c) => {
      const f = c.getElementsByTagNameNS(MAIN, "calculatedColumnFormula")[0];
      return f ? [{ name: c.getAttribute("name"), formula: f.textContent, array: f.getAttribute("array") === "1" }] : [];
    });
    expect(calculated.map((c) => c.name)).toEqual([...COMPUTED_HEADERS]);

    // Each equals what the sheet holds in the first person's row (row 12), array formulas marked as such.
    const sheet = parse(sheetXml(file, "Assess Library Assistant (B)"));
    const cells = Array.from(sheet.getElementsByTagNameNS(MAIN, "c")).filter((c) => /^[A-Z]+12$/.test(c.getAttribute("r") ?? ""));
    const rowFormulas = cells.flatMap((c) => {
      const f = c.getElementsByTagNameNS(MAIN, "f")[0];
      return f ? [{ formula: f.textContent, array: f.getAttribute("t") === "array" }] : [];
    });
    expect(calculated.map(({ formula, array }) => ({ formula, array }))).toEqual(rowFormulas);
    expect(calculated.some((c) => c.array)).toBe(true);
  });
});
