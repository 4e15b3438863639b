import { DOMParser } from "@xmldom/xmldom";
import type { Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { ZipPackage } from "../../src/xlsx/zip";
import { hasOpenpyxl, pythonHas, runPython } from "./other-programs";

/**
 * Workbooks written by other programs, made from one of ours (so each holds an assessment
 * sheet) plus what those programs write and ExcelJS does not model: charts, images, comments,
 * defined names, validations, dynamic arrays, custom XML, macros.
 */
const hasPil = hasOpenpyxl && pythonHas("PIL");

const OPENPYXL_SCRIPT = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
src, out, with_image = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
wb = openpyxl.load_workbook(src)
ws = wb.create_sheet("Budget")
ws.append(["Item", "Cost", "Approved"])
for i in range(1, 5):
    ws.append(["Item %d" % i, i * 10, "Yes"])
ws["E1"] = "=SUM(B2:B5)"
ws["A1"].comment = Comment("Check the items", "HR")
dv = DataValidation(type="list", formula1='"Yes,No"')
ws.add_data_validation(dv)
dv.add("C2:C5")
chart = BarChart()
chart.title = "Costs"
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=5), titles_from_data=True)
ws.add_chart(chart, "G2")
wb.defined_names.append(DefinedName(name="BudgetTotal", attr_text="Budget!$E$1"))
if with_image:
    from openpyxl.drawing.image import Image
    from PIL import Image as PilImage
    PilImage.new("RGB", (4, 4), (200, 30, 30)).save(out + ".png")
    ws.add_image(Image(out + ".png"), "G20")
wb.save(out)
`;

/** openpyxl loads `source` and adds a sheet with a formula, a comment, a list validation, a chart, a defined name (and an image when PIL is there). */
export function openpyxlCopy(source: string, target: string) {
  runPython(OPENPYXL_SCRIPT, source, target, hasPil ? "1" : "0");
}

/** A 1x1 red PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

/** ExcelJS loads `source` and adds a sheet with an image, a note and a defined name. */
export async function exceljsCopy(source: string, target: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.addWorksheet("Photos");
  ws.getCell("A1").value = "Team photo";
  ws.getCell("A1").note = "Taken in 2024";
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "B2:C4");
  wb.definedNames.add("Photos!$A$1", "PhotoTitle");
  await wb.xlsx.writeFile(target);
}

/**
 * Adds by hand what Excel writes and no library here models: a dynamic-array formula (cm="1"
 * with xl/metadata.xml), a custom XML part, and a VBA project (the package becomes an .xlsm).
 */
export function handMadeCopy(source: string, target: string) {
  const zip = ZipPackage.read(readFileSync(source));
  const ct = zip.text("[Content_Types].xml");
  zip.set(
    "[Content_Types].xml",
    ct
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace(
        "</Types>",
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/><Override PartName="/xl/worksheets/spill.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
      ),
  );
  const rels = zip.text("xl/_rels/workbook.xml.rels");
  zip.set(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rIdMeta" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/><Relationship Id="rIdSpill" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/spill.xml"/><Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  const wb = zip.text("xl/workbook.xml");
  zip.set("xl/workbook.xml", wb.replace("</sheets>", `<sheet name="Spill" sheetId="90" r:id="rIdSpill"/></sheets><definedNames><definedName name="Seq">_xlfn.ANCHORARRAY(Spill!$A$1)</definedName></definedNames>`));
  zip.set(
    "xl/worksheets/spill.xml",
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A3">_xlfn.SEQUENCE(3)</f><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row></sheetData></worksheet>`,
  );
  zip.set(
    "xl/metadata.xml",
    `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  zip.set("xl/vbaProject.bin", Buffer.from("not a real VBA project, but bytes that must survive", "utf8"));
  zip.set("customXml/item1.xml", `<hr:review xmlns:hr="urn:example:hr"><hr:by>HR</hr:by></hr:review>`);
  zip.set("customXml/_rels/item1.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
  zip.set("customXml/itemProps1.xml", `<ds:datastoreItem ds:itemID="{6B3C2D4E-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
  writeFileSync(target, zip.toBuffer());
}

/** Parts the writer may edit (keeping what they hold); every other original part must come back byte for byte. */
export function editablePart(part: string): boolean {
  return /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/i.test(part);
}

export function partsOf(bytes: Buffer): Map<string, Buffer> {
  const zip = ZipPackage.read(bytes);
  return new Map(zip.names().map((n) => [n, zip.bytes(n)]));
}

/**
 * Every element of an XML part by its path (name and index among same-named siblings), with its
 * attributes and text. `count` attributes (which grow) and calcPr's fullCalcOnLoad (which the
 * writer sets) are left out.
 */
function elementsOf(xml: string): Map<string, { attrs: string[]; text: string }> {
  const out = new Map<string, { attrs: string[]; text: string }>();
  const walk = (el: Element, at: string) => {
    const attrs = Array.from(el.attributes)
      .filter((a) => a.name !== "count" && !(el.localName === "calcPr" && a.name === "fullCalcOnLoad"))
      .map((a) => `${a.namespaceURI ?? ""}:${a.localName}=${a.value}`);
    const kids = Array.from(el.childNodes).filter((n) => n.nodeType === 1) as Element[];
    out.set(at, { attrs, text: kids.length === 0 ? (el.textContent ?? "") : "" });
    const seen = new Map<string, number>();
    for (const kid of kids) {
      const name = `${kid.namespaceURI ?? ""}:${kid.localName}`;
      const i = seen.get(name) ?? 0;
      seen.set(name, i + 1);
      walk(kid, `${at}/${kid.localName}[${i}]`);
    }
  };
  const root = new DOMParser().parseFromString(xml, "text/xml").documentElement as Element;
  walk(root, root.localName ?? "");
  return out;
}

/** What an edit lost of the original part: elements gone, attributes gone or changed, text changed (additions are fine). */
export function lostElements(before: string, after: string): string[] {
  const now = elementsOf(after);
  const lost: string[] = [];
  for (const [at, { attrs, text }] of elementsOf(before)) {
    const kept = now.get(at);
    if (!kept) lost.push(`${at} is gone`);
    else {
      for (const attr of attrs) if (!kept.attrs.includes(attr)) lost.push(`${at} lost ${attr}`);
      if (kept.text !== text) lost.push(`${at} text ${JSON.stringify(text)} became ${JSON.stringify(kept.text)}`);
    }
  }
  return lost;
}

export function sheetNames(file: string): string[] {
  const xml = partsOf(readFileSync(file)).get("xl/workbook.xml")!.toString("utf8");
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

/** Every original part is still there: byte for byte, or (for the few the writer edits) with every original element. */
export function expectNothingLost(before: Buffer, after: Buffer) {
  const original = partsOf(before);
  const result = partsOf(after);
  for (const [part, bytes] of original) {
    const now = result.get(part);
    expect({ part, present: now !== undefined }).toEqual({ part, present: true });
    if (editablePart(part)) {
      const lost = lostElements(bytes.toString("utf8"), now!.toString("utf8"));
      expect({ part, lost }).toEqual({ part, lost: [] });
    } else {
      expect({ part, sameBytes: now!.equals(bytes) }).toEqual({ part, sameBytes: true });
    }
  }
}

