import type { SheetGrid } from "../core/grid";
import type { Rect } from "../core/layout/plan";
import type { CellValue } from "../core/scores";
import type { ZipPackage } from "./zip";
import { columnLetters, FormulaTexts } from "./xml-formulas";
import { decodeOoxmlEscapes, ownCopy, parseCellRef, parseXmlStream } from "./xml-stream";

/** A cell refers to a shared string the table does not have: the file is damaged. */
export class SheetContentError extends Error {}

/** "D12:E13" -> a 0-based Rect; a single address is a 1x1 range. */
export function parseRangeRef(ref: string): Rect | undefined {
  const [first, last = first] = ref.split(":");
  const a = parseCellRef(first);
  const b = parseCellRef(last);
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

/** ISO 8601 date cells (t="d"); a time without a zone is taken as UTC, as the cell has no zone. */
function parseIsoDate(text: string): CellValue {
  const withZone = /T.*(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes("T") ? text : `${text}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? text : date;
}

const enum Capture {
  None,
  Value,
  Formula,
  InlineText,
}

/**
 * Reads one worksheet part into a grid, streaming. Numbers stay numbers whatever their number
 * format (styles are not read): a 3 formatted as a date is 3, as Excel's formulas see it. Rows
 * and cells without an `r` address follow the one before them, as some writers leave it out.
 */
export async function readWorksheet(pkg: ZipPackage, part: string, name: string, sharedStrings: readonly string[]): Promise<SheetGrid> {
  const values: CellValue[][] = [];
  const formulas = new FormulaTexts();
  const hiddenRows = new Set<number>();
  const merges: Rect[] = [];
  let isProtected = false;

  let row = -1;
  let col = -1;
  let rowValues: CellValue[] | undefined;
  let cellType = "n";
  let hasValue = false;
  let valueText = "";
  let hasFormula = false;
  let formulaText = "";
  let formulaType = "";
  let sharedIndex: string | undefined;
  let inlineText = "";
  let capture = Capture.None;
  let phoneticDepth = 0;

  const address = () => `${columnLetters(col)}${row + 1}`;

  function cellValue(): CellValue {
    if (cellType === "inlineStr") return ownCopy(decodeOoxmlEscapes(inlineText));
    if (!hasValue) return null;
    switch (cellType) {
      case "s": {
        const text = sharedStrings[Number(valueText)];
        if (text === undefined) throw new SheetContentError(`cell ${address()} of the sheet "${name}" refers to shared string ${valueText.trim()}, which the file does not have`);
        return text;
      }
      case "str":
        return ownCopy(decodeOoxmlEscapes(valueText));
      case "b":
        return valueText.trim() === "1" || valueText.trim().toLowerCase() === "true";
      case "e":
        return { error: valueText.trim() };
      case "d":
        return valueText.trim() === "" ? null : parseIsoDate(valueText.trim());
      default: {
        if (valueText.trim() === "") return null;
        const n = Number(valueText);
        return Number.isNaN(n) ? ownCopy(decodeOoxmlEscapes(valueText)) : n;
      }
    }
  }

  await parseXmlStream(part, pkg.stream(part), {
    open(tag, a) {
      switch (tag) {
        case "c": {
          const ref = a.r === undefined ? undefined : parseCellRef(a.r);
          if (ref) {
            if (ref.row !== row) {
              row = ref.row;
              rowValues = undefined;
            }
            col = ref.col;
          } else {
            row = Math.max(row, 0);
            col++;
          }
          cellType = a.t ?? "n";
          hasValue = false;
          valueText = "";
          hasFormula = false;
          formulaText = "";
          inlineText = "";
          break;
        }
        case "v":
          hasValue = true;
          capture = Capture.Value;
          break;
        case "f":
          hasFormula = true;
          formulaType = a.t ?? "";
          sharedIndex = a.si;
          capture = Capture.Formula;
          break;
        case "t":
          if (cellType === "inlineStr" && phoneticDepth === 0) capture = Capture.InlineText;
          break;
        case "rPh":
          phoneticDepth++;
          break;
        case "row": {
          const r = a.r === undefined ? NaN : Number(a.r);
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          rowValues = undefined;
          if (a.hidden === "1" || a.hidden === "true") hiddenRows.add(row);
          break;
        }
        case "mergeCell": {
          const rect = a.ref === undefined ? undefined : parseRangeRef(a.ref);
          if (rect) merges.push(rect);
          break;
        }
        case "sheetProtection":
          isProtected = a.sheet === "1" || a.sheet === "true";
          break;
      }
    },
    close(tag) {
      if (tag === "c") {
        const value = cellValue();
        if (value !== null) {
          if (!rowValues) rowValues = values[row] ??= [];
          rowValues[col] = value;
        }
        if (hasFormula) formulas.add(row, col, formulaText, formulaType === "shared" ? sharedIndex : undefined);
      } else if (tag === "rPh") {
        phoneticDepth--;
      }
      capture = Capture.None;
    },
    text(text) {
      if (capture === Capture.Value) valueText += text;
      else if (capture === Capture.Formula) formulaText += text;
      else if (capture === Capture.InlineText) inlineText += text;
    },
  });

  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name, values, formulas, hiddenRows, protected: isProtected, merges };
}
