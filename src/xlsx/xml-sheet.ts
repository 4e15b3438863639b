import type { SheetGrid } from "../core/grid";
import { formulaKey } from "../core/grid";
import type { Rect } from "../core/layout/plan";
import type { CellValue } from "../core/scores";
import type { ZipPackage } from "./zip";
import { decodeOoxmlEscapes, parseCellRef, parseXmlStream } from "./xml-stream";

/** A cell refers to a shared string the table does not have: the file is damaged. */
export class SheetContentError extends Error {}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

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

function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A shared formula's text as it reads in a cell `rows` below and `cols` right of its master:
 * relative references move, `$` ones stay, as Excel fills a formula down. Text in quotes, quoted
 * sheet names and structured references ([...]) are left as they are.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let plain = "";
  const flush = () => {
    out += plain.replace(/(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g, (whole: string, colAbs: string, letters: string, rowAbs: string, digits: string, at: number, source: string) => {
      if (at > 0 && /[A-Za-z0-9_.]/.test(source[at - 1])) return whole;
      const ref = parseCellRef(letters + digits);
      if (!ref) return whole;
      const col = colAbs ? ref.col : ref.col + cols;
      const row = rowAbs ? ref.row : ref.row + rows;
      if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return "#REF!";
      return `${colAbs}${columnLetters(col)}${rowAbs}${row + 1}`;
    });
    plain = "";
  };
  for (let i = 0; i < formula.length; ) {
    const c = formula[i];
    if (c === '"' || c === "'" || c === "[") {
      flush();
      const end = c === "[" ? closingBracket(formula, i) : closingQuote(formula, i, c);
      out += formula.slice(i, end);
      i = end;
    } else {
      plain += c;
      i++;
    }
  }
  flush();
  return out;
}

function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return text.length;
}

function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** ISO 8601 date cells (t="d"); a time without a zone is taken as UTC, as the cell has no zone. */
function parseIsoDate(text: string): CellValue {
  const withZone = /T.*(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes("T") ? text : `${text}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? text : date;
}

export interface SheetReadOptions {
  /**
   * Which formula cells keep their formula's text; the others are still marked as formulas, with
   * the text "". The computed columns of a large sheet hold long formulas no check reads.
   */
  keepFormulaText?: (row: number, col: number) => boolean;
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
export async function readWorksheet(pkg: ZipPackage, part: string, name: string, sharedStrings: readonly string[], options: SheetReadOptions = {}): Promise<SheetGrid> {
  const values: CellValue[][] = [];
  const formulas = new Map<number, string>();
  const hiddenRows = new Set<number>();
  const merges: Rect[] = [];
  const sharedMasters = new Map<string, { text: string; row: number; col: number }>();
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
    if (cellType === "inlineStr") return decodeOoxmlEscapes(inlineText);
    if (!hasValue) return null;
    switch (cellType) {
      case "s": {
        const text = sharedStrings[Number(valueText)];
        if (text === undefined) throw new SheetContentError(`cell ${address()} of the sheet "${name}" refers to shared string ${valueText.trim()}, which the file does not have`);
        return text;
      }
      case "str":
        return decodeOoxmlEscapes(valueText);
      case "b":
        return valueText.trim() === "1" || valueText.trim().toLowerCase() === "true";
      case "e":
        return { error: valueText.trim() };
      case "d":
        return valueText.trim() === "" ? null : parseIsoDate(valueText.trim());
      default: {
        if (valueText.trim() === "") return null;
        const n = Number(valueText);
        return Number.isNaN(n) ? decodeOoxmlEscapes(valueText) : n;
      }
    }
  }

  function formulaOfCell(): string {
    const shared = formulaType === "shared" ? sharedIndex : undefined;
    // The master of a shared formula carries the text; the cells that share it carry none.
    if (shared !== undefined && formulaText !== "") sharedMasters.set(shared, { text: formulaText, row, col });
    if (options.keepFormulaText && !options.keepFormulaText(row, col)) return "";
    if (shared === undefined || formulaText !== "") return formulaText;
    const master = sharedMasters.get(shared);
    return master ? shiftFormula(master.text, row - master.row, col - master.col) : "";
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
        if (hasFormula) formulas.set(formulaKey(row, col), formulaOfCell());
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
