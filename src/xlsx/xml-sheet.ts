import type { SheetGrid, SheetRow } from "../core/grid";
import type { Rect } from "../core/layout/plan";
import type { CellValue } from "../core/scores";
import type { ZipPackage } from "./zip";
import type { Origin } from "./xml-formulas";
import { columnLetters, FormulaOrigins, FormulaTexts } from "./xml-formulas";
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

/** What the parse of a worksheet hands over, cell by cell in the order of the XML. */
interface CellSink {
  /** A cell with a value (null when it holds none) or a formula; `shared` is a shared formula's index (si). */
  cell(row: number, col: number, value: CellValue, formula: string | undefined, shared: string | undefined): void;
  hiddenRow(row: number): void;
}

interface SheetEnd {
  merges: Rect[];
  isProtected: boolean;
  /** False when the reading stopped early, as `enough` asked. */
  complete: boolean;
}

/**
 * Parses one worksheet part, streaming. Numbers stay numbers whatever their number format
 * (styles are not read): a 3 formatted as a date is 3, as Excel's formulas see it. Rows and cells
 * without an `r` address follow the one before them, as some writers leave it out.
 */
async function parseWorksheet(pkg: ZipPackage, part: string, name: string, sharedStrings: readonly string[], sink: CellSink, enough?: () => boolean): Promise<SheetEnd> {
  const merges: Rect[] = [];
  let isProtected = false;

  let row = -1;
  let col = -1;
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

  const complete = await parseXmlStream(
    part,
    pkg.stream(part),
    {
      open(tag, a) {
        switch (tag) {
          case "c": {
            const ref = a.r === undefined ? undefined : parseCellRef(a.r);
            if (ref) {
              row = ref.row;
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
            if (a.hidden === "1" || a.hidden === "true") sink.hiddenRow(row);
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
          if (value !== null || hasFormula) sink.cell(row, col, value, hasFormula ? formulaText : undefined, hasFormula && formulaType === "shared" ? sharedIndex : undefined);
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
    },
    enough,
  );
  return { merges, isProtected, complete };
}

/**
 * Reads one worksheet part into a grid. With `topRows`, it may stop once every row above that
 * one is read, when the rows come in order (as every writer puts them); `whole` says whether it did not.
 */
export async function readWorksheet(pkg: ZipPackage, part: string, name: string, sharedStrings: readonly string[], topRows = Infinity): Promise<{ grid: SheetGrid; whole: boolean }> {
  const values: CellValue[][] = [];
  const formulas = new FormulaTexts();
  const hiddenRows = new Set<number>();
  let lastRow = -1;
  let rowValues: CellValue[] | undefined;
  let inOrder = true;
  const end = await parseWorksheet(
    pkg,
    part,
    name,
    sharedStrings,
    {
      cell(row, col, value, formula, shared) {
        if (row !== lastRow) {
          if (row < lastRow) inOrder = false;
          lastRow = row;
          rowValues = undefined;
        }
        if (value !== null) {
          rowValues ??= values[row] ??= [];
          rowValues[col] = value;
        }
        if (formula !== undefined) formulas.add(row, col, formula, shared);
      },
      hiddenRow: (row) => hiddenRows.add(row),
    },
    () => inOrder && lastRow >= topRows,
  );
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { grid: { name, values, formulas, hiddenRows, protected: end.isProtected, merges: end.merges }, whole: end.complete };
}

/** A worksheet's rows came out of order, so it cannot be streamed row by row: read it whole. */
export class RowOrderError extends Error {}

/**
 * Streams one worksheet part row by row, holding one row at a time, and ends with its merged
 * ranges. Only rows with a cell are handed over; rows that come out of order (a row above one
 * already handed over) throw a RowOrderError, as they cannot be handed over whole.
 */
export async function streamWorksheetRows(pkg: ZipPackage, part: string, name: string, sharedStrings: readonly string[], onRow: (row: SheetRow) => void): Promise<{ merges: Rect[] }> {
  // A row's origins are dropped with the row: sharing them down a column would only cost time.
  const origins = new FormulaOrigins(false);
  let index = -1;
  let values: CellValue[] = [];
  let formulaColumns: number[] = [];
  let formulaOrigins: Origin[] = [];
  let hidden = false;
  let lastHiddenRow = -1;

  function handOver() {
    if (index < 0) return;
    const row = index;
    const columns = formulaColumns;
    const rowOrigins = formulaOrigins;
    onRow({
      index: row,
      values,
      hidden,
      formulaAt(col) {
        // The last formula written for a cell is the one it holds.
        const at = columns.lastIndexOf(col);
        return at < 0 ? undefined : rowOrigins[at].textAt(row, col);
      },
    });
  }

  const end = await parseWorksheet(pkg, part, name, sharedStrings, {
    cell(row, col, value, formula, shared) {
      if (row !== index) {
        if (row < index) throw new RowOrderError(`row ${row + 1} of the sheet "${name}" comes after row ${index + 1}`);
        handOver();
        index = row;
        // A row's hidden mark comes with its <row>, before its cells.
        hidden = lastHiddenRow === row;
        values = [];
        formulaColumns = [];
        formulaOrigins = [];
      }
      if (value !== null) values[col] = value;
      if (formula !== undefined) {
        formulaColumns.push(col);
        formulaOrigins.push(origins.originOf(row, col, formula, shared));
      }
    },
    hiddenRow(row) {
      lastHiddenRow = row;
    },
  });
  handOver();
  return { merges: end.merges };
}
