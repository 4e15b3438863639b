/**
 * An in-memory stand-in for the Excel JavaScript API: the subset this add-in uses, with Office's
 * load-then-sync discipline enforced (reading a property that was not loaded and synced throws),
 * syncs counted, and change events that a test can fire. It runs in jest and, transpiled, inside
 * the browser page of the end-to-end test. It computes no formulas: a formula cell's value is
 * whatever the test gave it.
 *
 * Like Excel on the web it queues writes and loads until `sync()`, and refuses a sync whose
 * request or response payload (the JSON Excel would send) is over 5 MB, or a read of more than
 * 5 million cells, with the error code Office.js gives. Every sync's bytes are in `syncLog`. A
 * text written into a cell that is not text-formatted is reinterpreted as Excel does on entry
 * ("00123" becomes 123, "TRUE" a boolean, "1/2" a date), and a table column whose data body is
 * filled with one formula (in R1C1 terms) while the table exists becomes a calculated column,
 * copied into rows that `table.rows.add` appends.
 */

type Scalar = string | number | boolean | null;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  errorValue?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  hiddenRows: Set<number>;
  protected: boolean;
  frozen?: string;
  validations: { address: string; rule: unknown; prompt: unknown; errorAlert: unknown }[];
  conditionalFormats: { address: string; type: string; rule?: unknown }[];
  hyperlinks: { address: string; link: unknown }[];
  formats: { address: string; format: Record<string, unknown> }[];
  /** Charts added with `charts.add`, in order (absent until the first). */
  charts?: FakeChart[];
}

/** A chart as the add-in asked for it; range addresses carry their sheet ("Levels!B5:B9"). */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  legendVisible?: boolean;
  position?: { start: string; end?: string };
  series: FakeChartSeries[];
}

export interface FakeChartSeries {
  name: string;
  values?: string;
  categories?: string;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  selection: { sheet: string; address: string };
  active?: string;
  syncs: number;
  runs: number;
  /** Every batch's property writes of formulas/values, as [sheet, address, 2D array]. */
  writes: { sheet: string; address: string; kind: "formulas" | "values" | "numberFormat"; data: unknown[][] }[];
  suspendedCalculation: number;
  suspendedScreen: number;
  /** One record per sync, in order: what went to Excel and what came back. */
  syncLog: SyncRecord[];
  limits: { payloadBytes: number; cellsPerRead: number };
}

export interface FakeTable {
  name: string;
  sheet: string;
  address: string;
  style?: string;
  hasHeaders?: boolean;
  /** Calculated columns: column offset in the table -> the formula in R1C1 terms. */
  calculated: Record<number, string>;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  /** The error code when Excel refused the sync. */
  refused?: string;
}

/** Excel on the web: 5 MB per request and per response, 5 million cells per read. */
export const EXCEL_WEB_LIMITS = { payloadBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 } as const;

/** UTF-8 bytes of the JSON Excel would carry for a value. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

/** An error shaped as OfficeExtension.Error carries it. */
function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message } });
}

/** Bytes and syncs of the syncs since `from` (an index into syncLog). */
export function syncCost(state: FakeWorkbookState, from = 0) {
  const log = state.syncLog.slice(from);
  return {
    syncs: log.length,
    requestBytes: log.reduce((n, r) => n + r.requestBytes, 0),
    responseBytes: log.reduce((n, r) => n + r.responseBytes, 0),
    largestPayload: log.reduce((n, r) => Math.max(n, r.requestBytes, r.responseBytes), 0),
  };
}

const key = (r: number, c: number) => `${r},${c}`;

interface Bounds {
  minR: number;
  minC: number;
  maxR: number;
  maxC: number;
}

/** A sheet's cells, keeping the used range's bounds up to date so a 100,000-row sheet is not scanned for every probe. */
class CellMap extends Map<string, FakeCell> {
  /** Undefined when it must be computed again (a cell emptied or deleted). */
  bounds?: Bounds;
  override set(k: string, cell: FakeCell) {
    const b = this.bounds;
    if (b && (cell.value === null || cell.value === "")) this.bounds = undefined;
    else if (b) {
      const comma = k.indexOf(",");
      const [r, c] = [Number(k.slice(0, comma)), Number(k.slice(comma + 1))];
      this.bounds = { minR: Math.min(b.minR, r), minC: Math.min(b.minC, c), maxR: Math.max(b.maxR, r), maxC: Math.max(b.maxC, c) };
    }
    return super.set(k, cell);
  }
  override delete(k: string) {
    this.bounds = undefined;
    return super.delete(k);
  }
}

function colIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
function colName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A1 ranges, whole columns ("C:C") and whole rows ("3:3") as 0-based rectangles. */
export function parseRange(address: string): { row: number; col: number; rows: number; cols: number } {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = a.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m) throw new Error(`fake Excel: bad address ${address}`);
    return { col: m[1] ? colIndex(m[1]) : -1, row: m[2] ? Number(m[2]) - 1 : -1 };
  };
  const s = cell(from);
  const e = cell(to);
  const row = s.row < 0 ? 0 : s.row;
  const col = s.col < 0 ? 0 : s.col;
  const endRow = e.row < 0 ? 1048575 : e.row;
  const endCol = e.col < 0 ? 16383 : e.col;
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

export function createFakeWorkbook(): FakeWorkbookState {
  return { sheets: [], tables: [], selection: { sheet: "", address: "A1" }, syncs: 0, runs: 0, writes: [], suspendedCalculation: 0, suspendedScreen: 0, syncLog: [], limits: { ...EXCEL_WEB_LIMITS } };
}

export function addFakeSheet(state: FakeWorkbookState, name: string, rows: (Scalar | { formula: string; value: Scalar } | { error: string })[][] = []): FakeSheet {
  const sheet: FakeSheet = { id: `{${state.sheets.length + 1}-fake}`, name, cells: new CellMap(), hiddenRows: new Set(), protected: false, validations: [], conditionalFormats: [], hyperlinks: [], formats: [] };
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      if (typeof v === "object" && "formula" in v) sheet.cells.set(key(r, c), { value: v.value, formula: v.formula });
      else if (typeof v === "object" && "error" in v) sheet.cells.set(key(r, c), { value: v.error, errorValue: true });
      else sheet.cells.set(key(r, c), { value: v });
    }),
  );
  state.sheets.push(sheet);
  return sheet;
}

export function cellOf(sheet: FakeSheet, address: string): FakeCell | undefined {
  const r = parseRange(address);
  return sheet.cells.get(key(r.row, r.col));
}

/**
 * What Excel stores when text is typed (or written through Office.js) into a cell that is not
 * text-formatted: numbers (leading zeros dropped, exponents, thousands separators, percents),
 * TRUE/FALSE, and month/day dates as date serials. A model of the common cases, kept apart from
 * the add-in's own rule so the tests can catch that rule missing one.
 */
export function excelEntry(text: string): Scalar {
  const t = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?%?$/i.test(t) && /\d/.test(t)) {
    const n = Number(t.replace(/[,%]/g, ""));
    if (!Number.isNaN(n)) return t.endsWith("%") ? n / 100 : n;
  }
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const date = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t);
  if (date) {
    // As in an en-US Excel: month first; a date without a year is in the current year (2026 here).
    const [month, day, year] = [Number(date[1]), Number(date[2]), date[3] ? Number(date[3]) : 2026];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return Math.round((Date.UTC(year < 100 ? 2000 + year : year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  return text;
}

/** A1 references in a formula (outside string literals) rewritten by `f`. */
function mapReferences(formula: string, f: (ref: { colAbs: boolean; col: number; rowAbs: boolean; row: number }) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, ca: string, c: string, ra: string, r: string) =>
            f({ colAbs: ca === "$", col: colIndex(c), rowAbs: ra === "$", row: Number(r) - 1 }),
          ),
    )
    .join("");
}

/** A formula written in cell (row, col) in R1C1 terms: equal for every row of a consistent column. */
export function toR1C1(formula: string, row: number, col: number): string {
  return mapReferences(formula, (ref) => `R${ref.rowAbs ? ref.row + 1 : `[${ref.row - row}]`}C${ref.colAbs ? ref.col + 1 : `[${ref.col - col}]`}`);
}

/** The R1C1 formula as A1 in cell (row, col). */
export function fromR1C1(formula: string, row: number, col: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/R(\[-?\d+\]|\d+)C(\[-?\d+\]|\d+)/g, (_m, r: string, c: string) => {
            const rowAbs = !r.startsWith("[");
            const colAbs = !c.startsWith("[");
            const rr = rowAbs ? Number(r) - 1 : row + Number(r.slice(1, -1));
            const cc = colAbs ? Number(c) - 1 : col + Number(c.slice(1, -1));
            return `${colAbs ? "$" : ""}${colName(cc)}${rowAbs ? "$" : ""}${rr + 1}`;
          }),
    )
    .join("");
}

const GRID_PROPERTIES = new Set(["values", "formulas", "valueTypes", "numberFormat"]);

/** One cell written through `values`, `formulas` or `numberFormat`, as Excel stores it. */
function setCell(s: FakeSheet, row: number, col: number, kind: "formulas" | "values" | "numberFormat", v: unknown) {
  const k = key(row, col);
  const cell = s.cells.get(k) ?? { value: null };
  if (kind === "numberFormat") cell.numberFormat = String(v);
  else if (kind === "formulas" && typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
    cell.formula = v.slice(1);
    cell.value = null;
  } else {
    delete cell.formula;
    cell.value = v === "" ? null : typeof v === "string" && cell.numberFormat !== "@" ? excelEntry(v) : (v as Scalar);
  }
  if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) s.cells.delete(k);
  else s.cells.set(k, cell);
}

/**
 * After a formulas write: a table column whose whole data body now holds one formula (in R1C1
 * terms) becomes a calculated column. Scanned from the bottom, so a chunk that has not reached
 * the last row costs one look.
 */
function noteCalculatedColumns(state: FakeWorkbookState, s: FakeSheet, written: { row: number; col: number; rows: number; cols: number }) {
  for (const table of state.tables) {
    if (table.sheet !== s.name) continue;
    const t = parseRange(table.address);
    const firstBody = t.row + (table.hasHeaders === false ? 0 : 1);
    const lastBody = t.row + t.rows - 1;
    if (written.row > lastBody || written.row + written.rows - 1 < firstBody) continue;
    for (let c = Math.max(t.col, written.col); c < Math.min(t.col + t.cols, written.col + written.cols); c++) {
      let shared: string | undefined;
      for (let r = lastBody; r >= firstBody; r--) {
        const formula = s.cells.get(key(r, c))?.formula;
        const r1c1 = formula === undefined ? undefined : toR1C1(formula, r, c);
        if (r1c1 === undefined || (shared !== undefined && r1c1 !== shared)) {
          shared = undefined;
          break;
        }
        shared = r1c1;
      }
      if (shared !== undefined) table.calculated[c - t.col] = shared;
    }
  }
}

type Handler = (event: { worksheetId: string; address: string; type: string; changeType: string; source: string }) => unknown;

/** Builds the `Excel` global: `run`, plus what a test needs to drive and inspect it. */
export function createFakeExcel(state: FakeWorkbookState = createFakeWorkbook()) {
  const changeHandlers: Handler[] = [];
  const addedHandlers: Handler[] = [];
  const deletedHandlers: Handler[] = [];

  function makeContext() {
    // Writes and loads wait for sync(), in order, as in Office; a load sees the writes queued before it.
    const queue: ({ kind: "write"; bytes: number; run: () => void } | { kind: "load"; run: (record: SyncRecord) => () => void })[] = [];
    // Writes the fake applies at once (formats, validations, tables): counted in the next sync's request.
    let eagerBytes = 0;
    const queueWrite = (data: unknown, run: () => void) => queue.push({ kind: "write", bytes: jsonBytes(data), run });
    // As in Office, a sheet is found by its name or its id.
    const sheetByName = (name: string) => {
      const s = state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
      if (!s) throw Object.assign(new Error(`The requested resource doesn't exist (sheet ${name}).`), { code: "ItemNotFound" });
      return s;
    };

    /** An object whose listed properties can be read only after load + sync. */
    function loadable<T extends object>(resolve: Record<string, () => unknown>, rest: T, cellCount?: () => number) {
      const loaded = new Map<string, unknown>();
      // Descriptors, not spread: spreading would run the setters' getters and drop the setters.
      const obj = Object.defineProperties({
        load(props?: string | string[]) {
          const asked = props === undefined ? Object.keys(resolve) : (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim().split("/")[0]);
          // As in Office, any load makes isNullObject readable after the sync.
          const names = "isNullObject" in resolve ? [...asked, "isNullObject"] : asked;
          queue.push({
            kind: "load",
            run: (record) => {
              if (cellCount && names.some((n) => GRID_PROPERTIES.has(n))) {
                const cells = cellCount();
                if (cells > state.limits.cellsPerRead) throw officeError("RangeExceedsLimit", `The range has ${cells} cells; Excel reads at most ${state.limits.cellsPerRead} at once.`);
                record.cellsRead += cells;
              }
              const got = new Map(names.filter((n) => n in resolve).map((n) => [n, resolve[n]()] as const));
              record.responseBytes += jsonBytes(Object.fromEntries(got));
              return () => got.forEach((v, n) => loaded.set(n, v));
            },
          });
          return obj;
        },
      }, Object.getOwnPropertyDescriptors(rest)) as { load(props?: string | string[]): unknown };
      for (const n of Object.keys(resolve)) {
        Object.defineProperty(obj, n, {
          get() {
            if (!loaded.has(n)) throw new Error(`fake Excel: property ${n} was read before load() and sync()`);
            return loaded.get(n);
          },
          set(v) {
            setters[n]?.(v);
          },
          enumerable: true,
          configurable: true,
        });
      }
      const setters: Record<string, (v: unknown) => void> = {};
      return Object.assign(obj, { __setters: setters }) as T & { load(props?: string | string[]): unknown; __setters: Record<string, (v: unknown) => void> };
    }

    function rangeObject(sheetName: string, address: string): any {
      const rect = () => parseRange(address);
      const sheet = () => sheetByName(sheetName);
      const used = () => {
        const s = sheet();
        const r = rect();
        return { s, r };
      };
      const grid = <T>(f: (cell: FakeCell | undefined, row: number, col: number) => T): T[][] => {
        const { s, r } = used();
        return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(s.cells.get(key(r.row + i, r.col + j)), r.row + i, r.col + j)));
      };
      const write = (kind: "formulas" | "values" | "numberFormat", data: unknown[][]) =>
        queueWrite(data, () => {
          const { s, r } = used();
          state.writes.push({ sheet: s.name, address: rectAddress(r), kind, data });
          data.forEach((row, i) => row.forEach((v, j) => setCell(s, r.row + i, r.col + j, kind, v)));
          if (kind === "formulas") noteCalculatedColumns(state, s, r);
        });
      const recordFormat = (path: string, v: unknown) => {
        eagerBytes += jsonBytes(v);
        sheet().formats.push({ address: rectAddress(rect()), format: { [path]: v } });
      };
      const range = loadable(
        {
          address: () => `${sheetName}!${rectAddress(rect())}`,
          values: () => grid((c) => (c ? (c.value ?? "") : "")),
          formulas: () => grid((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ""))),
          valueTypes: () => grid((c) => (c?.errorValue ? "Error" : c?.value === null || c?.value === undefined || c.value === "" ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String")),
          numberFormat: () => grid((c) => c?.numberFormat ?? "General"),
          rowIndex: () => rect().row,
          columnIndex: () => rect().col,
          rowCount: () => rect().rows,
          columnCount: () => rect().cols,
          isNullObject: () => false,
        },
        {
          format: {
            font: new Proxy({}, { set: (_t, p, v) => (recordFormat(`font.${String(p)}`, v), true) }),
            fill: new Proxy({}, { set: (_t, p, v) => (recordFormat(`fill.${String(p)}`, v), true) }),
            set wrapText(v: boolean) {
              recordFormat("wrapText", v);
            },
            set verticalAlignment(v: string) {
              recordFormat("verticalAlignment", v);
            },
            set horizontalAlignment(v: string) {
              recordFormat("horizontalAlignment", v);
            },
            set columnWidth(v: number) {
              recordFormat("columnWidth", v);
            },
            set rowHeight(v: number) {
              recordFormat("rowHeight", v);
            },
          },
          dataValidation: {
            set rule(v: unknown) {
              eagerBytes += jsonBytes(v);
              sheet().validations.push({ address: rectAddress(rect()), rule: v, prompt: undefined, errorAlert: undefined });
            },
            set prompt(v: unknown) {
              sheet().validations[sheet().validations.length - 1].prompt = v;
            },
            set errorAlert(v: unknown) {
              sheet().validations[sheet().validations.length - 1].errorAlert = v;
            },
          },
          conditionalFormats: {
            add(type: string) {
              const entry: { address: string; type: string; rule?: unknown } = { address: rectAddress(rect()), type };
              sheet().conditionalFormats.push(entry);
              const capture = (field: string) => new Proxy({}, { set: (_t, p, v) => ((entry.rule = { ...(entry.rule as object), [`${field}.${String(p)}`]: v }), true), get: (_t, p) => (p === "rule" || p === "format" ? capture(`${field}.${String(p)}`) : p === "fill" || p === "font" ? capture(`${field}.${String(p)}`) : undefined) });
              return { custom: capture("custom"), colorScale: capture("colorScale"), dataBar: dataBarCapture(entry) };
            },
          },
          set hyperlink(v: unknown) {
            eagerBytes += jsonBytes(v);
            sheet().hyperlinks.push({ address: rectAddress(rect()), link: v });
          },
          getColumn(i: number) {
            const r = rect();
            return rangeObject(sheetName, rectAddress({ row: r.row, col: r.col + i, rows: r.rows, cols: 1 }));
          },
          /** The part of this range inside the sheet's used range, or a null object. */
          getUsedRangeOrNullObject() {
            const r = rect();
            const u = usedBounds(sheet());
            const top = Math.max(r.row, u.minR);
            const left = Math.max(r.col, u.minC);
            const bottom = Math.min(r.row + r.rows - 1, u.maxR);
            const right = Math.min(r.col + r.cols - 1, u.maxC);
            if (bottom < top || right < left) return nullRange();
            return rangeObject(sheetName, rectAddress({ row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 }));
          },
          getVisibleView() {
            return loadable(
              {
                cellAddresses: () => {
                  const r = rect();
                  const s = sheet();
                  const rows: string[][] = [];
                  for (let i = 0; i < r.rows; i++) if (!s.hiddenRows.has(r.row + i)) rows.push(Array.from({ length: r.cols }, (_, j) => `${sheetName}!${colName(r.col + j)}${r.row + i + 1}`));
                  return rows;
                },
              },
              {},
            );
          },
          select() {
            state.selection = { sheet: sheetName, address: rectAddress(rect()) };
          },
        },
        () => rect().rows * rect().cols,
      );
      range.__setters.formulas = (v) => write("formulas", v as unknown[][]);
      range.__setters.values = (v) => write("values", v as unknown[][]);
      range.__setters.numberFormat = (v) => write("numberFormat", v as unknown[][]);
      return range;
    }

    /** Bounds of the cells holding a value (maxR -1 when none). */
    /** A data bar's settings, recorded in its entry's rule as "dataBar.<path>" and counted in the next sync's request. */
    function dataBarCapture(entry: { rule?: unknown }) {
      const set = (path: string, v: unknown) => {
        eagerBytes += jsonBytes(v);
        entry.rule = { ...(entry.rule as object), [`dataBar.${path}`]: v };
        return true;
      };
      const positiveFormat = new Proxy({}, { set: (_t, p, v) => set(`positiveFormat.${String(p)}`, v) });
      return new Proxy({}, { set: (_t, p, v) => set(String(p), v), get: (_t, p) => (p === "positiveFormat" ? positiveFormat : undefined) });
    }

    /** "Sheet!A1:B2" of a range made by a worksheet's getRange. */
    const qualified = (range: any) => `${range.__sheet}!${rectAddress(parseRange(range.__address))}`;

    /**
     * A worksheet's charts: `add` makes one series per column (or row) of the source, named
     * "Series1".., with no categories, as Excel does for plain numbers; the add-in then names
     * them and sets their ranges. Every call's arguments count in the next sync's request.
     */
    function chartsOf(s: FakeSheet) {
      const count = (...args: unknown[]) => void (eagerBytes += jsonBytes(args));
      const seriesObject = (series: FakeChartSeries) => ({
        set name(v: string) {
          count(v);
          series.name = v;
        },
        setValues(range: any) {
          count(qualified(range));
          series.values = qualified(range);
        },
        setXAxisValues(range: any) {
          count(qualified(range));
          series.categories = qualified(range);
        },
      });
      return {
        add(type: string, source: any, seriesBy?: string) {
          count(type, qualified(source), seriesBy);
          const r = parseRange(source.__address);
          const byRows = seriesBy === "Rows";
          const lines = byRows ? r.rows : r.cols;
          const series: FakeChartSeries[] = Array.from({ length: lines }, (_, i) => ({
            name: `Series${i + 1}`,
            values: `${source.__sheet}!${rectAddress(byRows ? { ...r, row: r.row + i, rows: 1 } : { ...r, col: r.col + i, cols: 1 })}`,
          }));
          const chart: FakeChart = { type, source: qualified(source), seriesBy, series };
          (s.charts ??= []).push(chart);
          return {
            title: {
              set text(v: string) {
                count(v);
                chart.title = v;
              },
            },
            legend: {
              set visible(v: boolean) {
                count(v);
                chart.legendVisible = v;
              },
            },
            series: {
              getItemAt(i: number) {
                if (!chart.series[i]) throw officeError("ItemNotFound", `The chart has no series ${i}.`);
                return seriesObject(chart.series[i]);
              },
              add(name: string) {
                count(name);
                const added: FakeChartSeries = { name };
                chart.series.push(added);
                return seriesObject(added);
              },
            },
            setPosition(start: string, end?: string) {
              count(start, end);
              chart.position = { start, end };
            },
          };
        },
      };
    }

    function usedBounds(s: FakeSheet): Bounds {
      const cached = s.cells instanceof CellMap ? s.cells.bounds : undefined;
      if (cached) return cached;
      const b = { minR: Infinity, minC: Infinity, maxR: -1, maxC: -1 };
      for (const [k, cell] of s.cells) {
        if (cell.value === null || cell.value === "") continue;
        const comma = k.indexOf(",");
        const r = Number(k.slice(0, comma));
        const c = Number(k.slice(comma + 1));
        b.maxR = Math.max(b.maxR, r);
        b.maxC = Math.max(b.maxC, c);
        b.minR = Math.min(b.minR, r);
        b.minC = Math.min(b.minC, c);
      }
      if (s.cells instanceof CellMap) s.cells.bounds = b;
      return b;
    }

    const nullRange = () => loadable({ isNullObject: () => true }, { getColumn: () => { throw new Error("fake Excel: method called on a null object"); } });

    function usedRangeOrNull(sheetName: string): any {
      const { minR, minC, maxR, maxC } = usedBounds(sheetByName(sheetName));
      if (maxR < 0) return nullRange();
      return rangeObject(sheetName, rectAddress({ row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 }));
    }

    function worksheetObject(s: FakeSheet): any {
      return {
        get name() {
          return s.name;
        },
        get id() {
          return s.id;
        },
        load() {
          return this;
        },
        getRange: (address: string) => rangeObject(s.name, address),
        getUsedRangeOrNullObject: () => usedRangeOrNull(s.name),
        charts: chartsOf(s),
        protection: loadable({ protected: () => s.protected }, {}),
        activate() {
          state.active = s.name;
        },
        delete() {
          state.sheets = state.sheets.filter((x) => x !== s);
          state.tables = state.tables.filter((t) => t.sheet !== s.name);
        },
        freezePanes: {
          freezeAt(range: any) {
            s.frozen = `at ${typeof range === "string" ? range : rectAddress(parseRange(range.__address ?? ""))}`;
          },
          freezeRows(n: number) {
            s.frozen = `rows ${n}`;
          },
        },
        tables: {
          add(range: any, hasHeaders: boolean) {
            const table: FakeTable = { name: `Table${state.tables.length + 1}`, sheet: s.name, address: range.__address as string, style: undefined, hasHeaders, calculated: {} };
            // Queued like the writes around it: formulas written before it land in plain cells.
            queueWrite(table.address, () => state.tables.push(table));
            return tableObject(table);
          },
          getItem: (name: string) => tableObject(tableByName(name)),
        },
      };
    }

    const tableByName = (name: string) => {
      const t = state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw officeError("ItemNotFound", `The requested resource doesn't exist (table ${name}).`);
      return t;
    };

    function tableObject(table: FakeTable) {
      return {
        set name(v: string) {
          table.name = v;
        },
        set style(v: string) {
          table.style = v;
        },
        rows: {
          /** Appends rows below the table; calculated columns get their formula, other cells `values`. */
          add(index?: number | null, values?: Scalar[][]) {
            if (index !== undefined && index !== null) throw new Error("fake Excel: rows.add appends only (index null)");
            const rows = values ?? [[]];
            queueWrite(rows, () => {
              const s = sheetByName(table.sheet);
              const t = parseRange(table.address);
              rows.forEach((row, i) => {
                const r = t.row + t.rows + i;
                for (let j = 0; j < t.cols; j++) {
                  const calculated = table.calculated[j];
                  if (calculated !== undefined) setCell(s, r, t.col + j, "formulas", `=${fromR1C1(calculated, r, t.col + j)}`);
                  else setCell(s, r, t.col + j, "values", row[j] ?? "");
                }
              });
              table.address = rectAddress({ ...t, rows: t.rows + rows.length });
            });
          },
        },
      };
    }

    const collection = <T>(items: () => T[]) => {
      let snapshot: T[] | undefined;
      return {
        load() {
          queue.push({
            kind: "load",
            run: (record) => {
              const got = items();
              record.responseBytes += jsonBytes(got.map((item: any) => ({ name: item.name, id: item.id })));
              return () => (snapshot = got);
            },
          });
          return this;
        },
        get items(): T[] {
          if (!snapshot) throw new Error("fake Excel: items read before load() and sync()");
          return snapshot;
        },
      };
    };

    const worksheets = Object.assign(collection(() => state.sheets.map(worksheetObject)), {
      add(name: string) {
        if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw Object.assign(new Error(`A sheet named ${name} already exists.`), { code: "ItemAlreadyExists" });
        return worksheetObject(addFakeSheet(state, name));
      },
      getItem: (name: string) => worksheetObject(sheetByName(name)),
      onChanged: { add: (h: Handler) => (changeHandlers.push(h), { remove() {} }) },
      onAdded: { add: (h: Handler) => (addedHandlers.push(h), { remove() {} }) },
      onDeleted: { add: (h: Handler) => (deletedHandlers.push(h), { remove() {} }) },
    });
    const context = {
      workbook: {
        worksheets,
        tables: Object.assign(
          collection(() => state.tables.map((t) => ({ name: t.name }))),
          { getItem: (name: string) => tableObject(tableByName(name)) },
        ),
        application: {
          suspendApiCalculationUntilNextSync: () => void state.suspendedCalculation++,
          suspendScreenUpdatingUntilNextSync: () => void state.suspendedScreen++,
        },
        getSelectedRange: () => rangeObject(state.selection.sheet, state.selection.address),
      },
      async sync() {
        state.syncs++;
        const ops = queue.splice(0);
        const record: SyncRecord = { requestBytes: eagerBytes, responseBytes: 0, cellsRead: 0 };
        eagerBytes = 0;
        for (const op of ops) if (op.kind === "write") record.requestBytes += op.bytes;
        state.syncLog.push(record);
        const limit = state.limits.payloadBytes;
        const refuse = (code: string, message: string) => {
          record.refused = code;
          return officeError(code, message);
        };
        if (record.requestBytes > limit) throw refuse("RequestPayloadSizeLimitExceeded", `The request payload size (${record.requestBytes} bytes) has exceeded the limit (${limit}).`);
        const commits: (() => void)[] = [];
        try {
          for (const op of ops) {
            if (op.kind === "write") op.run();
            else commits.push(op.run(record));
          }
        } catch (error) {
          record.refused = (error as { code?: string }).code;
          throw error;
        }
        if (record.responseBytes > limit) throw refuse("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit (${limit}).`);
        commits.forEach((commit) => commit());
      },
      hasPending: () => queue.length > 0 || eagerBytes > 0,
    };
    return context;
  }

  function rectAddress(r: { row: number; col: number; rows: number; cols: number }): string {
    const a = `${colName(r.col)}${r.row + 1}`;
    const b = `${colName(r.col + r.cols - 1)}${r.row + r.rows}`;
    return a === b ? a : `${a}:${b}`;
  }

  // Ranges passed to tables.add and freezeAt need their address without a load.
  const excel = {
    state,
    async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
      state.runs++;
      const context = makeContext();
      const wrap = context.workbook.worksheets.getItem;
      context.workbook.worksheets.getItem = (name: string) => withAddresses(wrap(name), name);
      const add = context.workbook.worksheets.add;
      context.workbook.worksheets.add = (name: string) => withAddresses(add(name), name);
      const result = await batch(context);
      // Excel.run syncs what the batch left queued.
      if (context.hasPending()) await context.sync();
      return result;
    },
    /** Fires the workbook's change handlers as Excel would after a user edit. */
    async fireChange(sheetName: string, address: string, changeType = "RangeEdited") {
      const s = state.sheets.find((x) => x.name === sheetName);
      if (!s) throw new Error(`no sheet ${sheetName}`);
      for (const h of changeHandlers) await h({ worksheetId: s.id, address, type: "WorksheetChanged", changeType, source: "Local" });
    },
    async fireAdded(sheetName: string) {
      const s = state.sheets.find((x) => x.name === sheetName);
      for (const h of addedHandlers) await h({ worksheetId: s?.id ?? "", address: "", type: "WorksheetAdded", changeType: "", source: "Local" });
    },
    handlerCount: () => changeHandlers.length,
  };

  function withAddresses(ws: any, name: string) {
    const getRange = ws.getRange;
    ws.getRange = (address: string) => Object.assign(getRange(address), { __address: address, __sheet: name });
    return ws;
  }
  return excel;
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
