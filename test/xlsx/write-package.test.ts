import { DOMParser } from "@xmldom/xmldom";
import { emptyPlan } from "../../src/core/layout/plan";
import type { SheetPlan } from "../../src/core/layout/plan";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { ZipPackage } from "../../src/xlsx/zip";
import { lostElements } from "../helpers/corpus";
import { expectValidXlsx } from "../helpers/ooxml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A package laid out unlike ours: the workbook at xl/book.xml, absolute targets, a shared string, no styles part, a stale override. */
function unusualPackage(): Buffer {
  const zip = ZipPackage.create();
  zip.set(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/book.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/data/first.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sst.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.set("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/book.xml"/></Relationships>`);
  zip.set("xl/book.xml", `<x:workbook xmlns:x="${MAIN}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data" sheetId="7" rel:id="R9"/></x:sheets></x:workbook>`);
  zip.set(
    "xl/_rels/book.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/data/first.xml"/><Relationship Id="R10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sst.xml"/></Relationships>`,
  );
  zip.set("xl/data/first.xml", `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`);
  zip.set("xl/sst.xml", `<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Hello</t></si></sst>`);
  return zip.toBuffer();
}

function plan(name: string): SheetPlan {
  const p = emptyPlan("criteria", name);
  p.blocks.push({ row: 0, col: 0, cells: [["ID", "Text", "Score"], ["=A", "+plus", { formula: 'TEXTJOIN(", ",TRUE,A2:B2)' }], ["x", "_x0041_ and a\ttab", 3]] });
  p.styles.push({ range: { row: 0, col: 0, rows: 1, cols: 3 }, style: { bold: true, fill: "#F2F2F2" } }, { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: { italic: true, numberFormat: "0.0" } });
  p.tables.push({ name: "Table 1", range: { row: 0, col: 0, rows: 3, cols: 3 }, style: "TableStyleMedium2" });
  return p;
}

describe("package surgery on a package laid out unlike ours", () => {
  const before = unusualPackage();
  const pkg = WorkbookPackage.open(before);
  const added = pkg.addSheet(plan("Data"));
  const after = pkg.toBuffer();
  const zip = ZipPackage.read(after);

  it("finds the workbook through _rels/.rels and adds beside it, with a unique name", () => {
    expect(added).toBe("Data (2)");
    expect(pkg.sheetNames()).toEqual(["Data", "Data (2)"]);
    const book = new DOMParser().parseFromString(zip.text("xl/book.xml"), "text/xml");
    const sheets = Array.from(book.getElementsByTagNameNS(MAIN, "sheet")).map((s) => [s.getAttribute("name"), s.getAttribute("sheetId"), s.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id")]);
    expect(sheets).toEqual([
      ["Data", "7", "R9"],
      ["Data (2)", "8", "rId4"],
    ]);
    expect(lostElements(ZipPackage.read(before).text("xl/book.xml"), zip.text("xl/book.xml"))).toEqual([]);
  });

  it("leaves the shared strings and the first sheet as they were, and writes text inline", () => {
    const original = ZipPackage.read(before);
    for (const part of ["xl/sst.xml", "xl/data/first.xml"]) expect(zip.bytes(part).equals(original.bytes(part))).toBe(true);
    const sheet = zip.text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(`<c r="A2" t="inlineStr"><is><t>=A</t></is></c>`);
    expect(sheet).toContain(`<c r="B2" t="inlineStr"><is><t>+plus</t></is></c>`);
    expect(sheet).toContain(`<f>_xlfn.TEXTJOIN(", ",TRUE,A2:B2)</f>`);
    expect(sheet).toContain(`<t>_x005F_x0041_ and a\ttab</t>`);
  });

  it("gives a workbook without styles a styles part, and the new cells their formats", () => {
    const styles = zip.text("xl/styles.xml");
    expect(styles).toMatch(/<numFmt numFmtId="164" formatCode="0.0"\/>/);
    const sheet = zip.text("xl/worksheets/sheet1.xml");
    expect(/<c r="A1" s="(\d+)"/.exec(sheet)![1]).not.toBe(/<c r="B1" s="(\d+)"/.exec(sheet)![1]);
    expect(zip.text("xl/_rels/book.xml.rels")).toMatch(/Type="[^"]+\/styles" Target="styles\.xml"/);
  });

  it("names the table uniquely, its columns as the header cells, and never doubles a stale override", () => {
    expect(zip.text("xl/tables/table1.xml")).toMatch(/id="1" name="Table_1" displayName="Table_1" ref="A1:C3"/);
    expect(zip.text("xl/tables/table1.xml")).toContain(`<tableColumn id="1" name="ID"/><tableColumn id="2" name="Text"/><tableColumn id="3" name="Score"/>`);
    expect(zip.text("[Content_Types].xml").match(/PartName="\/xl\/worksheets\/sheet1\.xml"/g)).toHaveLength(1);
  });

  it("validates", async () => {
    await expectValidXlsx(after);
  });
});

describe("styles are only ever appended to", () => {
  it("keeps every existing font, fill and format at its index", async () => {
    const first = WorkbookPackage.create();
    first.addSheet(plan("One"));
    const before = first.toBuffer();
    const second = WorkbookPackage.open(before);
    const other = plan("Two");
    other.styles.push({ range: { row: 2, col: 0, rows: 1, cols: 3 }, style: { fontColor: "#9C0006", fontSize: 9, wrap: true, vertical: "middle" } });
    second.addSheet(other);
    const after = second.toBuffer();
    expect(lostElements(ZipPackage.read(before).text("xl/styles.xml"), ZipPackage.read(after).text("xl/styles.xml"))).toEqual([]);
    await expectValidXlsx(after);
  });
});
