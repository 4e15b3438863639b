import ExcelJS from "exceljs";
import { readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ZipPackage } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { expectNothingLost, sheetNames } from "../helpers/corpus";
import { expectValidXlsx, sheetXml } from "../helpers/ooxml";
import { tempDir } from "../helpers/workbooks";

jest.setTimeout(60_000);
const dir = tempDir("hr-report-");

async function assessed(name: string): Promise<string> {
  const file = path.join(dir, name);
  expect((await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann;Bo")).code).toBe(0);
  return file;
}

/** A minimal Word document: a zip with content types, relationships and a main document part. */
function docx(file: string) {
  const zip = ZipPackage.create();
  zip.set("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.set("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.set("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>My letter</w:t></w:r></w:p></w:body></w:document>`);
  writeFileSync(file, zip.toBuffer());
}

/** Every cell of the named sheets as [sheet, address, value]. */
async function cells(file: string, sheets: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  for (const name of sheets) wb.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => out.push([name, cell.address, cell.value])));
  return out;
}

describe("check --report OUT never overwrites what is not a workbook", () => {
  it.each([
    ["a Word document", "letter.docx", docx, /letter\.docx cannot be added to: it is a Word document, not an Excel workbook\. It was left as it is\./],
    ["a text file", "notes.txt", (f: string) => writeFileSync(f, "my notes\n"), /notes\.txt is not an \.xlsx workbook .*it was left as it is/],
  ])("%s: exit 2, bytes unchanged, no file left beside it", async (_label, name, make, message) => {
    const input = await assessed(`in-${name}.xlsx`);
    const out = path.join(dir, name);
    make(out);
    const before = readFileSync(out);
    const listing = readdirSync(dir).sort();
    const run = await runCli("check", input, "--report", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

describe("check --report OUT onto an existing workbook", () => {
  it("keeps its four sheets (every part) and adds the report", async () => {
    const input = await assessed("in-four.xlsx");
    const out = path.join(dir, "four-sheets.xlsx");
    const wb = new ExcelJS.Workbook();
    for (const name of ["Q1", "Q2", "Q3", "Q4"]) {
      const ws = wb.addWorksheet(name);
      ws.getCell("A1").value = `${name} figures`;
      ws.getCell("B2").value = { formula: "1+1", result: 2 };
    }
    await wb.xlsx.writeFile(out);
    const before = readFileSync(out);
    const cellsBefore = await cells(out, ["Q1", "Q2", "Q3", "Q4"]);

    expect((await runCli("check", input, "--report", out)).code).toBe(1);
    expect(sheetNames(out)).toEqual(["Q1", "Q2", "Q3", "Q4", "Check results"]);
    expectNothingLost(before, readFileSync(out));
    expect(await cells(out, ["Q1", "Q2", "Q3", "Q4"])).toEqual(cellsBefore);
    await expectValidXlsx(out, (part) => !ZipPackage.read(before).has(part));
  });

  it("rewrites its own earlier report in place, and never a user's sheet of the same name", async () => {
    const input = await assessed("in-rewrite.xlsx");
    const out = path.join(dir, "with-user-sheet.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Check results").getCell("A1").value = "My own check list";
    await wb.xlsx.writeFile(out);
    const userSheet = sheetXml(out, "Check results");

    expect((await runCli("check", input, "--report", out)).code).toBe(1);
    expect(sheetNames(out)).toEqual(["Check results", "Check results (2)"]);
    const first = readFileSync(out);
    const tablesAfterFirst = ZipPackage.read(first).names().filter((n) => n.includes("tables/"));

    const annMeetsEssentials = async () => {
      const report = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("Check results (2)")!;
      const row = report.getColumn(1).values.findIndex((v) => v === "Ann");
      return report.getCell(row, 7).value;
    };
    expect(await annMeetsEssentials()).toBe(false);

    // Ann's scores are filled in (by another program), and the report is written again: same
    // sheet, new content, its old tables replaced.
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(input);
    for (let col = 2; col <= 25; col++) source.getWorksheet("Assess Library Assistant")!.getCell(12, col).value = 3;
    await source.xlsx.writeFile(input);
    expect((await runCli("check", input, "--report", out)).code).toBe(1);
    expect(await annMeetsEssentials()).toBe(true);
    expect(sheetNames(out)).toEqual(["Check results", "Check results (2)"]);
    expect(sheetXml(out, "Check results")).toBe(userSheet);
    const second = ZipPackage.read(readFileSync(out));
    expect(second.names().filter((n) => n.includes("tables/"))).toHaveLength(tablesAfterFirst.length);
    await expectValidXlsx(out);
    const xml = second.names().filter((n) => n.includes("tables/")).map((n) => second.text(n));
    const names = xml.map((t) => /displayName="([^"]+)"/.exec(t)![1]);
    const ids = xml.map((t) => /\bid="(\d+)"/.exec(t)![1]);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses OUT when it is the input under another name (a symbolic link to it)", async () => {
    const input = await assessed("self.xlsx");
    const before = readFileSync(input);
    const link = path.join(dir, "self-link.xlsx");
    symlinkSync(input, link);
    const run = await runCli("check", input, "--report", link);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report must name a new file/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readlinkSync(link)).toBe(input);
  });
});

describe("what cannot be done safely is refused, saying why", () => {
  it("a Strict Open XML workbook", async () => {
    const file = await assessed("strict.xlsx");
    const zip = ZipPackage.read(readFileSync(file));
    for (const part of zip.names().filter((n) => /\.(xml|rels)$/.test(n) && n !== "[Content_Types].xml")) {
      zip.set(part, zip.text(part).replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, "http://purl.oclc.org/ooxml/spreadsheetml/main").replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, "http://purl.oclc.org/ooxml/officeDocument/relationships"));
    }
    writeFileSync(file, zip.toBuffer());
    const before = readFileSync(file);
    const run = await runCli("fill", file, "--framework", "stockport-library-assistant");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/strict\.xlsx cannot be added to: it is saved as "Strict Open XML Spreadsheet".*Save it from Excel as "Excel Workbook \(\.xlsx\)"/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a damaged styles part, found only while adding: the message names the file and the part", async () => {
    const file = await assessed("bad-styles.xlsx");
    const zip = ZipPackage.read(readFileSync(file));
    zip.set("xl/styles.xml", "<styleSheet");
    writeFileSync(file, zip.toBuffer());
    const before = readFileSync(file);
    const run = await runCli("fill", file, "--framework", "stockport-library-assistant");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-styles\.xlsx cannot be added to: its part xl\/styles\.xml is not well-formed XML \(.+\)\. It was left as it is\./);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a damaged part: the message names it, not another program", async () => {
    const file = await assessed("damaged.xlsx");
    const zip = ZipPackage.read(readFileSync(file));
    zip.set("xl/workbook.xml", zip.text("xl/workbook.xml").replace("</sheets>", "</sheet>"));
    writeFileSync(file, zip.toBuffer());
    const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Cy");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/damaged\.xlsx cannot be added to: its part xl\/workbook\.xml is not well-formed XML \(.+\)/);
    expect(run.stderr).not.toMatch(/open|another program/);
  });
});
