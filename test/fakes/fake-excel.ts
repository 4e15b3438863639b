/**
 * An in-memory stand-in for the Excel JavaScript API: the subset this add-in uses, with Office's
 * load-then-sync discipline enforced (reading a property that was not loaded and synced throws),
 * syncs counted, and change events that a test can fire. It runs in jest and, transpiled, inside
 * the browser page of the end-to-end test. It computes no formulas: a formula cell's value is
 * whatever the test gave it.
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
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: { name: string; sheet: string; address: string; style?: string }[];
  selection: { sheet: string; address: string };
  active?: string;
  syncs: number;
  runs: number;
  /** Every batch's property writes of formulas/values, as [sheet, address, 2D array]. */
  writes: { sheet: string; address: string; kind: "formulas" | "values" | "numberFormat"; data: unknown[][] }[];
  suspendedCalculation: number;
  suspendedScreen: number;
}

const key = (r: number, c: number) => `${r},${c}`;

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
  return { sheets: [], tables: [], selection: { sheet: "", address: "A1" }, syncs: 0, runs: 0, writes: [], suspendedCalculation: 0, suspendedScreen: 0 };
}

export function addFakeSheet(state: FakeWorkbookState, name: string, rows: (Scalar | { formula: string; value: Scalar } | { error: string })[][] = []): FakeSheet {
  const sheet: FakeSheet = { id: `{${state.sheets.length + 1}-fake}`, name, cells: new Map(), hiddenRows: new Set(), protected: false, validations: [], conditionalFormats: [], hyperlinks: [], formats: [] };
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

type Handler = (event: { worksheetId: string; address: string; type: string; changeType: string; source: string }) => unknown;

/** Builds the `Excel` global: `run`, plus what a test needs to drive and inspect it. */
export function createFakeExcel(state: FakeWorkbookState = createFakeWorkbook()) {
  const changeHandlers: Handler[] = [];
  const addedHandlers: Handler[] = [];
  const deletedHandlers: Handler[] = [];

  function makeContext() {
    const pendingLoads: (() => void)[] = [];
    const sheetByName = (name: string) => {
      const s = state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw Object.assign(new Error(`The requested resource doesn't exist (sheet ${name}).`), { code: "ItemNotFound" });
      return s;
    };

    /** An object whose listed properties can be read only after load + sync. */
    function loadable<T extends object>(resolve: Record<string, () => unknown>, rest: T) {
      const loaded = new Map<string, unknown>();
      // Descriptors, not spread: spreading would run the setters' getters and drop the setters.
      const obj = Object.defineProperties({
        load(props?: string | string[]) {
          const asked = props === undefined ? Object.keys(resolve) : (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim().split("/")[0]);
          // As in Office, any load makes isNullObject readable after the sync.
          const names = "isNullObject" in resolve ? [...asked, "isNullObject"] : asked;
          pendingLoads.push(() => {
            for (const n of names) if (n in resolve) loaded.set(n, resolve[n]());
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
      const write = (kind: "formulas" | "values" | "numberFormat", data: unknown[][]) => {
        const { s, r } = used();
        state.writes.push({ sheet: s.name, address: rectAddress(r), kind, data });
        data.forEach((row, i) =>
          row.forEach((v, j) => {
            const k = key(r.row + i, r.col + j);
            const cell = s.cells.get(k) ?? { value: null };
            if (kind === "numberFormat") cell.numberFormat = String(v);
            else if (kind === "formulas" && typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
              cell.formula = v.slice(1);
              cell.value = null;
            } else {
              delete cell.formula;
              cell.value = v === "" ? null : (v as Scalar);
            }
            if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) s.cells.delete(k);
            else s.cells.set(k, cell);
          }),
        );
      };
      const recordFormat = (path: string, v: unknown) => sheet().formats.push({ address: rectAddress(rect()), format: { [path]: v } });
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
              return { custom: capture("custom"), colorScale: capture("colorScale") };
            },
          },
          set hyperlink(v: unknown) {
            sheet().hyperlinks.push({ address: rectAddress(rect()), link: v });
          },
          getColumn(i: number) {
            const r = rect();
            return rangeObject(sheetName, rectAddress({ row: r.row, col: r.col + i, rows: r.rows, cols: 1 }));
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
      );
      range.__setters.formulas = (v) => write("formulas", v as unknown[][]);
      range.__setters.values = (v) => write("values", v as unknown[][]);
      range.__setters.numberFormat = (v) => write("numberFormat", v as unknown[][]);
      return range;
    }

    function usedRangeOrNull(sheetName: string): any {
      const s = sheetByName(sheetName);
      let maxR = -1;
      let maxC = -1;
      let minR = Infinity;
      let minC = Infinity;
      for (const [k, cell] of s.cells) {
        if (cell.value === null || cell.value === "") continue;
        const [r, c] = k.split(",").map(Number);
        maxR = Math.max(maxR, r);
        maxC = Math.max(maxC, c);
        minR = Math.min(minR, r);
        minC = Math.min(minC, c);
      }
      if (maxR < 0) {
        return loadable({ isNullObject: () => true }, { getColumn: () => { throw new Error("fake Excel: method called on a null object"); } });
      }
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
            const table = { name: `Table${state.tables.length + 1}`, sheet: s.name, address: range.__address as string, style: undefined as string | undefined, hasHeaders };
            state.tables.push(table);
            return {
              set name(v: string) {
                table.name = v;
              },
              set style(v: string) {
                table.style = v;
              },
            };
          },
        },
      };
    }

    const collection = <T>(items: () => T[]) => {
      let snapshot: T[] | undefined;
      return {
        load() {
          pendingLoads.push(() => (snapshot = items()));
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
        tables: collection(() => state.tables.map((t) => ({ name: t.name }))),
        application: {
          suspendApiCalculationUntilNextSync: () => void state.suspendedCalculation++,
          suspendScreenUpdatingUntilNextSync: () => void state.suspendedScreen++,
        },
        getSelectedRange: () => rangeObject(state.selection.sheet, state.selection.address),
      },
      async sync() {
        state.syncs++;
        pendingLoads.splice(0).forEach((f) => f());
      },
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
      return batch(context);
    },
    /** Fires the workbook's change handlers as Excel would after a user edit. */
    async fireChange(sheetName: string, address: string) {
      const s = state.sheets.find((x) => x.name === sheetName);
      if (!s) throw new Error(`no sheet ${sheetName}`);
      for (const h of changeHandlers) await h({ worksheetId: s.id, address, type: "WorksheetChanged", changeType: "RangeEdited", source: "Local" });
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
