import { formulaKey } from "../core/grid";
import { ownCopy } from "./xml-stream";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * What is left as it is (a "text", a 'quoted sheet' name, a [structured reference], one level
 * of nesting deep), else an A1 reference not followed by what would make it a name or a function.
 */
const FORMULA_TOKENS = /("(?:[^"]|"")*"?|'(?:[^']|'')*'?|\[(?:[^[\]]|\[[^\]]*\])*\]?)|(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;
/** A reference right after a letter, digit, _ or . is part of a longer name (Q1SALES, _xlfn.X1). */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
}

/** "AB" -> 27 (0-based); upper-case letters only, as the pattern matched them. */
function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col - 1;
}

/** A formula cut into fixed text and the A1 references that move when it is filled. */
type Piece = string | { colAbs: string; letters: string; col: number; rowAbs: string; digits: string; row: number };

function piecesOf(formula: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const m of formula.matchAll(FORMULA_TOKENS)) {
    const [, literal, colAbs, letters, rowAbs, digits] = m;
    const at = m.index;
    if (literal !== undefined || (at > 0 && isNameChar(formula.charCodeAt(at - 1)))) continue;
    const col = columnIndex(letters);
    const row = Number(digits) - 1;
    if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) continue;
    if (at > from) pieces.push(formula.slice(from, at));
    pieces.push({ colAbs, letters, col, rowAbs, digits, row });
    from = at + m[0].length;
  }
  if (from < formula.length) pieces.push(formula.slice(from));
  return pieces;
}

function render(pieces: readonly Piece[], rows: number, cols: number): string {
  let out = "";
  for (const p of pieces) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    const col = p.colAbs ? p.col : p.col + cols;
    const row = p.rowAbs ? p.row : p.row + rows;
    if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) out += "#REF!";
    else out += p.colAbs + (col === p.col ? p.letters : columnLetters(col)) + p.rowAbs + (row === p.row ? p.digits : String(row + 1));
  }
  return out;
}

/**
 * A shared formula's text as it reads in a cell `rows` below and `cols` right of its master:
 * relative references move, `$` ones stay, as Excel fills a formula down. Text in quotes, quoted
 * sheet names and structured references ([...]) are left as they are.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return rows === 0 && cols === 0 ? formula : render(piecesOf(formula), rows, cols);
}

/** A formula's text where it was written; the cells filled down from it render theirs from it. */
export class Origin {
  private pieces?: Piece[];

  constructor(
    readonly text: string,
    readonly row: number,
    readonly col: number,
  ) {}

  textAt(row: number, col: number): string {
    if (row === this.row && col === this.col) return this.text;
    this.pieces ??= piecesOf(this.text);
    return render(this.pieces, row - this.row, col - this.col);
  }
}

/**
 * Where each formula cell's text comes from, as a sheet's cells are read in order: a cell sharing
 * a formula (t="shared" with no text) reads as its master's, shifted. With `shareFilledDown`, a
 * cell whose formula is the one above it filled down shares that one's origin, so a column of
 * them keeps a single text: worth its cost (rendering the one above to compare) only where every
 * origin is kept, as in a grid.
 */
export class FormulaOrigins {
  private readonly lastInColumn = new Map<number, Origin>();
  private readonly sharedMasters = new Map<string, Origin>();

  constructor(private readonly shareFilledDown: boolean) {}

  /** The origin of a cell's formula; `shared` is the shared-formula index (si) of a `t="shared"` formula. */
  originOf(row: number, col: number, text: string, shared?: string): Origin {
    if (shared !== undefined && text === "") return this.sharedMasters.get(shared) ?? new Origin("", row, col);
    const last = this.shareFilledDown ? this.lastInColumn.get(col) : undefined;
    let origin: Origin;
    if (last && text.length > 0 && last.textAt(row, col) === text) {
      origin = last;
    } else {
      origin = new Origin(ownCopy(text), row, col);
      if (this.shareFilledDown) this.lastInColumn.set(col, origin);
    }
    if (shared !== undefined) this.sharedMasters.set(shared, origin);
    return origin;
  }
}

/**
 * Formula texts by formulaKey, each rendered from its origin when asked: a 10,000-person sheet
 * with six computed columns holds a handful of texts, not 60,000, so memory stays flat as the
 * sheet grows.
 */
export class FormulaTexts implements ReadonlyMap<number, string> {
  private readonly origins = new Map<number, Origin>();
  private readonly resolver = new FormulaOrigins(true);

  /** Records a cell's formula; `shared` is the shared-formula index (si) of a `t="shared"` formula. */
  add(row: number, col: number, text: string, shared?: string): void {
    this.origins.set(formulaKey(row, col), this.resolver.originOf(row, col, text, shared));
  }

  get(key: number): string | undefined {
    const origin = this.origins.get(key);
    if (!origin) return undefined;
    return origin.textAt(Math.floor(key / MAX_COLS), key % MAX_COLS);
  }

  has(key: number): boolean {
    return this.origins.has(key);
  }

  get size(): number {
    return this.origins.size;
  }

  keys(): MapIterator<number> {
    return this.origins.keys();
  }

  *values(): MapIterator<string> {
    for (const key of this.origins.keys()) yield this.get(key) as string;
  }

  *entries(): MapIterator<[number, string]> {
    for (const key of this.origins.keys()) yield [key, this.get(key) as string];
  }

  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: number, map: ReadonlyMap<number, string>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
