import { writeFileSync } from "node:fs";
import path from "node:path";
import { readGrids, WorkbookFileError } from "../../src/xlsx/read";
import { ZipPackage } from "../../src/xlsx/zip";
import { tempDir } from "../helpers/workbooks";
import { handmadeXlsx, MAIN_NS, REL_NS, worksheetXml, writeHandmade } from "./handmade";

const dir = tempDir("hr-xlsx-hand-");

/** Formulas as a plain object keyed by A1 address, to compare. */
function formulasByAddress(formulas: ReadonlyMap<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of formulas) {
    const row = Math.floor(key / 16384);
    const col = key % 16384;
    out[`${String.fromCharCode(65 + col)}${row + 1}`] = text;
  }
  return out;
}

describe("hand-made workbooks: what other writers put in the XML", () => {
  it("counts cells and rows without r addresses by position", async () => {
    const file = writeHandmade(dir, "no-r.xlsx", [
      {
        name: "Data",
        xml: worksheetXml(
          '<row><c t="inlineStr"><is><t>Employee</t></is></c><c t="inlineStr"><is><t>SLA-01</t></is></c></row>' +
            "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E2\"><v>5</v></c><c><v>6</v></c></row>" +
            '<row r="5"><c><v>7</v></c></row>' +
            "<row><c><v>8</v></c></row>",
        ),
      },
    ]);
    const [grid] = await readGrids(file);
    expect(grid.name).toBe("Data");
    expect(grid.values).toEqual([["Employee", "SLA-01"], [1, 2, undefined, undefined, 5, 6], [], [], [7], [8]]);
  });

  it("reads every cell type; a number is a number whatever its style, t=\"d\" is a date", async () => {
    const file = writeHandmade(
      dir,
      "types.xlsx",
      [
        {
          name: "Types",
          xml: worksheetXml(
            '<row r="1">' +
              '<c r="A1" t="s"><v>0</v></c>' +
              '<c r="B1" s="7"><v>3</v></c>' +
              '<c r="C1" t="n"><v>2.5E-1</v></c>' +
              '<c r="D1" t="b"><v>1</v></c>' +
              '<c r="E1" t="b"><v>0</v></c>' +
              '<c r="F1" t="e"><v>#N/A</v></c>' +
              '<c r="G1" t="d"><v>2024-01-02T10:30:00</v></c>' +
              '<c r="H1" t="d"><v>2024-03-04</v></c>' +
              '<c r="I1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
              '<c r="J1" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c>' +
              '<c r="K1" s="3"/>' +
              '<c r="L1" t="s"><v>1</v></c>' +
              "</row>",
          ),
        },
      ],
      { sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>plain &amp; &lt;simple&gt;</t></si><si><r><t>Ann </t></r><r><t>Lee</t></r><rPh sb="0" eb="3"><t>アン</t></rPh></si></sst>` },
    );
    const [grid] = await readGrids(file);
    expect(grid.values[0]).toEqual(["plain & <simple>", 3, 0.25, true, false, { error: "#N/A" }, new Date(Date.UTC(2024, 0, 2, 10, 30)), new Date(Date.UTC(2024, 2, 4)), "ab", "rich text", undefined, "Ann Lee"]);
    expect(formulasByAddress(grid.formulas)).toEqual({ I1: '"a"&"b"' });
  });

  it("decodes _xHHHH_ escapes, keeps an escaped underscore literal, and decodes XML entities", async () => {
    const file = writeHandmade(dir, "escapes.xlsx", [{ name: "S", xml: worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>line one_x000D__x000A_line two</t></is></c><c r="B1" t="inlineStr"><is><t>keep _x005F_x000D_ as typed &#233;&amp;</t></is></c><c r="C1" t="s"><v>0</v></c></row>') }], {
      sharedStrings: ["tab_x0009_here"],
    });
    const [grid] = await readGrids(file);
    expect(grid.values[0]).toEqual(["line one\r\nline two", "keep _x000D_ as typed é&", "tab\there"]);
  });

  it("marks every cell of a shared formula as a formula and gives each its shifted text", async () => {
    const file = writeHandmade(dir, "shared.xlsx", [
      {
        name: "F",
        xml: worksheetXml(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">A1*2+$A$1+"A1"+Sheet2!A1+LOG10(A1)</f><v>2</v></c><c r="C1"><f t="shared" si="0"/><v>3</v></c></row>' +
            '<row r="2"><c r="B2"><f t="shared" si="0"/></c></row>' +
            '<row r="3"><c r="C3"><f t="shared" si="0"/><v>9</v></c></row>',
        ),
      },
    ]);
    const [grid] = await readGrids(file);
    expect(formulasByAddress(grid.formulas)).toEqual({
      B1: 'A1*2+$A$1+"A1"+Sheet2!A1+LOG10(A1)',
      C1: 'B1*2+$A$1+"A1"+Sheet2!B1+LOG10(B1)',
      B2: 'A2*2+$A$1+"A1"+Sheet2!A2+LOG10(A2)',
      C3: 'B3*2+$A$1+"A1"+Sheet2!B3+LOG10(B3)',
    });
    expect(grid.values).toEqual([[1, 2, 3], [], [undefined, undefined, 9]]);
  });

  it("reads hidden rows, merges and sheet protection", async () => {
    const file = writeHandmade(dir, "layout.xlsx", [
      {
        name: "L",
        xml: worksheetXml(
          '<row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="true"><c r="A2"><v>2</v></c></row><row r="3" hidden="0"><c r="A3"><v>3</v></c></row>',
          '<sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="D12:E12"/><mergeCell ref="A20:C22"/></mergeCells>',
        ),
      },
    ]);
    const [grid] = await readGrids(file);
    expect([...grid.hiddenRows].sort()).toEqual([0, 1]);
    expect(grid.merges).toEqual([
      { row: 11, col: 3, rows: 1, cols: 2 },
      { row: 19, col: 0, rows: 3, cols: 3 },
    ]);
    expect(grid.protected).toBe(true);
  });

  it("takes names and order from the workbook part, whatever the zip order, part-name case, BOM or path style", async () => {
    const sheets = [
      { name: "Zed's \"sheet\" & <co>", xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: "Chart", kind: "chartsheet" as const },
      { name: "Ünïcödé ✓", xml: worksheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
    ];
    const variants = {
      "workbook last, absolute targets": { workbookLast: true, absoluteTargets: true },
      "upper-case part names": { storedName: (n: string) => n.toUpperCase() },
      "a UTF-8 BOM in every part": { bom: true },
      "the workbook part elsewhere": { workbookPart: "book/main.xml" },
    };
    for (const [label, options] of Object.entries(variants)) {
      const file = writeHandmade(dir, `${label}.xlsx`, sheets, options);
      const grids = await readGrids(file);
      expect({ label, names: grids.map((g) => g.name), values: grids.map((g) => g.values) }).toEqual({ label, names: ["Zed's \"sheet\" & <co>", "Ünïcödé ✓"], values: [[[1]], [[2]]] });
    }
  });

  it("reads elements bound to a prefix (<x:c>), as some .NET writers write them", async () => {
    const xml = `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>hi</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const [grid] = await readGrids(writeHandmade(dir, "prefixed.xlsx", [{ name: "P", xml }]));
    expect(grid.values).toEqual([[undefined, "hi"]]);
  });
});

describe("files that are not usable workbooks: one WorkbookFileError naming the file, what is wrong and what to do", () => {
  async function errorOf(name: string, bytes: Buffer): Promise<string> {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const error = await readGrids(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message.split("\n")).toHaveLength(1);
    return message;
  }

  it("an encrypted workbook or an old .xls (OLE magic D0 CF 11 E0)", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await errorOf("protected.xlsx", ole)).toMatch(/password-protected or an old \.xls: save it from Excel as an \.xlsx workbook without a password/);
  });

  it("a CSV or HTML file named .xlsx", async () => {
    expect(await errorOf("csv.xlsx", Buffer.from("Employee,SLA-01\nAnn,3\n"))).toMatch(/is not an \.xlsx workbook: it looks like a text file \(a CSV\?\).*Save it from Excel/);
    expect(await errorOf("html.xlsx", Buffer.from("<html><table><tr><td>1</td></tr></table></html>"))).toMatch(/is not an \.xlsx workbook: it looks like an XML or HTML file/);
  });

  it("a zip without a workbook part (a Word document)", async () => {
    const pkg = ZipPackage.create();
    pkg.set("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
    pkg.set("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`);
    expect(await errorOf("word.xlsx", pkg.toBuffer())).toMatch(/main part word\/document\.xml is not a workbook \(its root element is <document>\).*Save it from Excel as "Excel Workbook \(\.xlsx\)"/);
    const empty = ZipPackage.create();
    empty.set("readme.txt", "hello");
    expect(await errorOf("plain.xlsx", empty.toBuffer())).toMatch(/it has no workbook part \(xl\/workbook\.xml\)/);
  });

  it("damaged XML names the part", async () => {
    const bytes = handmadeXlsx([{ name: "S", xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row') }]);
    expect(await errorOf("bad-xml.xlsx", bytes)).toMatch(/may be truncated or damaged \(the part xl\/worksheets\/sheet1\.xml is not well-formed XML .*\)\. Open and save it again in Excel/);
  });

  it("a cell that refers to a shared string the file does not have names the sheet and cell", async () => {
    const bytes = handmadeXlsx([{ name: "Scores", xml: worksheetXml('<row r="12"><c r="D12" t="s"><v>5</v></c></row>') }], { sharedStrings: ["only one"] });
    expect(await errorOf("bad-sst.xlsx", bytes)).toMatch(/cell D12 of the sheet "Scores" refers to shared string 5, which the file does not have/);
  });

  it("a workbook whose only sheet is a chartsheet", async () => {
    expect(await errorOf("charts-only.xlsx", handmadeXlsx([{ name: "Chart", kind: "chartsheet" }]))).toMatch(/it has no worksheet/);
  });
});
