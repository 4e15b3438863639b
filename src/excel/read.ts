import type { SheetGrid } from "../core/grid";
import { formulaKey } from "../core/grid";
import type { Rect } from "../core/layout/plan";
import { parseAddress, rectAddress } from "../core/layout/plan";
import type { SheetKind } from "../core/probe";
import { PROBE_ROWS, classifySheetTop, headerRowOf, scoreColumns } from "../core/probe";
import type { CellValue } from "../core/scores";

/**
 * Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded). Row chunks
 * aim at this many bytes, which leaves room for rows longer than the ones measured so far.
 */
export const TARGET_READ_BYTES = 3_000_000;
/** Excel reads at most 5 million cells at once. */
const MAX_CELLS_PER_READ = 4_000_000;
/** Bytes per cell assumed for a sheet none of whose rows has been read yet. */
const FIRST_GUESS_CELL_BYTES = 20;
/** A measured row size is scaled by this, since the next rows may be longer. */
const ROW_SIZE_MARGIN = 1.5;

/** What the probe found out about one sheet, without reading it whole. */
export interface SheetProbe {
  id: string;
  name: string;
  kind: SheetKind;
  /** 0-based row of the table header within the probe, or null. */
  headerRow: number | null;
  /** The used range (values only); null for an empty sheet. */
  used: Rect | null;
  /** Columns whose formulas the check needs (the score columns); null when the header was not found: all. */
  formulaColumns: number[] | null;
  protected: boolean;
}

/** Rows [from, to) of a sheet, 0-based. */
export interface RowSpan {
  from: number;
  to: number;
}

/** Rows read from one sheet: values by row, formulas of the formula columns, hidden rows among those read. */
export interface RowsRead {
  /** The sheet's name when its rows were read (it may have been renamed since the probe). */
  sheetName?: string;
  values: Map<number, CellValue[]>;
  formulas: Map<number, string>;
  hiddenRows: Set<number>;
}

function toCellValue(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
      return Number(value);
    default:
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }
}

const isRefused = (error: unknown) => (error as { code?: string } | undefined)?.code === "ResponsePayloadSizeLimitExceeded";

/**
 * Probes sheets (by name or id; all sheets when `refs` is not given) in two syncs at most (one
 * more for the sheet list): each sheet's used range, protection and column A of its first
 * PROBE_ROWS rows, then the header row of those whose column A names one. No sheet is read whole.
 */
export async function probeSheets(context: Excel.RequestContext, criterionIds: ReadonlySet<string>, refs?: string[]): Promise<SheetProbe[]> {
  let sheets: Excel.Worksheet[];
  if (refs) {
    sheets = refs.map((ref) => context.workbook.worksheets.getItem(ref));
  } else {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();
    sheets = worksheets.items;
  }
  const loads = sheets.map((ws) => {
    ws.load("name,id");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const top = ws.getRange(`A1:A${PROBE_ROWS}`);
    top.load("values");
    const protection = ws.protection;
    protection.load("protected");
    return { ws, used, top, protection };
  });
  await context.sync();

  const probed = loads.map(({ ws, used, top, protection }) => {
    const columnA = top.values.map((row) => row[0] as CellValue);
    const rect = used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    const headerRow = rect ? headerRowOf(columnA) : null;
    let header: Excel.Range | undefined;
    if (rect && headerRow !== null) {
      header = ws.getRange(rectAddress({ row: headerRow, col: 0, rows: 1, cols: rect.col + rect.cols }));
      header.load("values");
    }
    return { ws, rect, columnA, headerRow, header, isProtected: Boolean(protection.protected) };
  });
  if (probed.some((p) => p.header)) await context.sync();

  return probed.map(({ ws, rect, columnA, headerRow, header, isProtected }): SheetProbe => {
    const headerValues = header?.values[0] as CellValue[] | undefined;
    const { kind } = classifySheetTop(columnA, headerValues, criterionIds);
    return {
      id: ws.id,
      name: ws.name,
      kind: rect ? kind : "other",
      headerRow,
      used: rect,
      // A framework sheet is read for its values alone.
      formulaColumns: kind === "framework" ? [] : headerValues ? scoreColumns(headerValues, criterionIds) : null,
      protected: isProtected,
    };
  });
}

interface Chunk {
  target: number;
  from: number;
  rows: number;
  main: Excel.Range;
  formulas: { col: number; range: Excel.Range }[];
  visible: Excel.RangeView;
}

/** Runs of adjacent columns, as [first, count]. */
function columnRuns(columns: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/**
 * Reads rows of probed sheets (values, value types, the formula columns' formulas, which rows
 * are visible) in row chunks sized to stay under Excel's response limit, one sync per chunk and
 * several sheets' chunks in one sync when they fit: the number of syncs grows with the bytes
 * read, not with the rows. A chunk Excel still refuses is read again in smaller ones.
 */
export async function readRows(context: Excel.RequestContext, targets: { probe: SheetProbe; spans: RowSpan[] }[]): Promise<RowsRead[]> {
  const results: RowsRead[] = targets.map(() => ({ values: new Map(), formulas: new Map(), hiddenRows: new Set() }));
  const work = targets.map(({ probe, spans }) => ({
    probe,
    ws: context.workbook.worksheets.getItem(probe.id),
    col: probe.used?.col ?? 0,
    cols: probe.used ? probe.used.cols : 0,
    spans: spans.filter((s) => s.to > s.from).map((s) => ({ ...s })),
    rowBytes: 0,
  }));
  for (const w of work) w.rowBytes = FIRST_GUESS_CELL_BYTES * Math.max(1, w.cols);

  const queueChunk = (target: number, from: number, rows: number): Chunk => {
    const w = work[target];
    const main = w.ws.getRange(rectAddress({ row: from, col: w.col, rows, cols: w.cols }));
    main.load("values,valueTypes");
    const columns = w.probe.formulaColumns ?? Array.from({ length: w.cols }, (_, i) => w.col + i);
    const formulas = columnRuns(columns.filter((c) => c >= w.col && c < w.col + w.cols)).map(([col, count]) => {
      const range = w.ws.getRange(rectAddress({ row: from, col, rows, cols: count }));
      range.load("formulas");
      return { col, range };
    });
    const visible = w.ws.getRange(`A${from + 1}:A${from + rows}`).getVisibleView();
    visible.load("cellAddresses");
    w.ws.load("name");
    return { target, from, rows, main, formulas, visible };
  };

  for (;;) {
    const batch: Chunk[] = [];
    let budget = TARGET_READ_BYTES;
    for (let t = 0; t < work.length && budget > 0; t++) {
      const w = work[t];
      while (w.spans.length > 0 && budget > 0) {
        const span = w.spans[0];
        const fit = Math.min(Math.floor(budget / w.rowBytes), Math.floor(MAX_CELLS_PER_READ / Math.max(1, w.cols)), span.to - span.from);
        if (fit < 1 && batch.length > 0) break;
        const rows = Math.max(1, fit);
        batch.push(queueChunk(t, span.from, rows));
        budget -= rows * w.rowBytes;
        span.from += rows;
        if (span.from >= span.to) w.spans.shift();
      }
    }
    if (batch.length === 0) return results;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of about TARGET_READ_BYTES, as Excel on the web requires
      await context.sync();
    } catch (error) {
      if (!isRefused(error) || batch.every((c) => c.rows === 1)) throw error;
      // Rows longer than measured: put the chunks back and read them in pieces half the size.
      for (const chunk of [...batch].reverse()) {
        const w = work[chunk.target];
        w.rowBytes *= 2;
        const first = w.spans[0];
        if (first && first.from === chunk.from + chunk.rows) first.from = chunk.from;
        else w.spans.unshift({ from: chunk.from, to: chunk.from + chunk.rows });
      }
      continue;
    }
    for (const chunk of batch) {
      const w = work[chunk.target];
      w.rowBytes = absorb(chunk, w.col, results[chunk.target]);
      results[chunk.target].sheetName = w.ws.name;
    }
  }
}

/** Takes one chunk's loaded data into `into`; returns the bytes per row to plan the next chunk with. */
function absorb(chunk: Chunk, firstCol: number, into: RowsRead): number {
  const { values, valueTypes } = chunk.main;
  values.forEach((row, i) => {
    const out: CellValue[] = [];
    row.forEach((value, j) => (out[firstCol + j] = toCellValue(value, valueTypes[i][j])));
    into.values.set(chunk.from + i, out);
  });
  for (const { col, range } of chunk.formulas) {
    range.formulas.forEach((row, i) =>
      row.forEach((formula, j) => {
        const value = values[i][col - firstCol + j];
        // A text cell holding "=x" reports the same text as value and formula; a real formula does not.
        if (typeof formula === "string" && formula.startsWith("=") && !(valueTypes[i][col - firstCol + j] === "String" && formula === value)) {
          into.formulas.set(formulaKey(chunk.from + i, col + j), formula.slice(1));
        }
      }),
    );
  }
  const visibleRows = new Set(chunk.visible.cellAddresses.flat().map((address: string) => parseAddress(String(address).split("!").pop() as string).row));
  for (let r = chunk.from; r < chunk.from + chunk.rows; r++) {
    if (visibleRows.has(r)) into.hiddenRows.delete(r);
    else into.hiddenRows.add(r);
  }
  const bytes = JSON.stringify(values).length + JSON.stringify(valueTypes).length + chunk.formulas.reduce((n, f) => n + JSON.stringify(f.range.formulas).length, 0) + JSON.stringify(chunk.visible.cellAddresses).length;
  return Math.max(1, Math.ceil((bytes / chunk.rows) * ROW_SIZE_MARGIN));
}

/** A probed sheet's grid from the rows read of it. */
export function gridOf(probe: SheetProbe, rows: RowsRead): SheetGrid {
  const values: CellValue[][] = [];
  const end = probe.used ? probe.used.row + probe.used.rows : 0;
  for (let r = 0; r < end; r++) values.push(rows.values.get(r) ?? []);
  return { name: probe.name, values, formulas: rows.formulas, hiddenRows: rows.hiddenRows, protected: probe.protected };
}

/** The whole used range of a sheet as row spans. */
export function wholeSheet(probe: SheetProbe): RowSpan[] {
  return probe.used ? [{ from: probe.used.row, to: probe.used.row + probe.used.rows }] : [];
}

/**
 * Reads the assessment and framework sheets of the open workbook (all sheets, or those named)
 * into grids: a probe of every sheet first, then only those sheets, in chunks under Excel on the
 * web's payload limits. Other sheets, however big, cost only their probe.
 */
export async function readWorkbookGrids(context: Excel.RequestContext, criterionIds: ReadonlySet<string>, only?: string[]): Promise<SheetGrid[]> {
  const probes = (await probeSheets(context, criterionIds, only)).filter((p) => p.kind !== "other");
  const rows = await readRows(
    context,
    probes.map((probe) => ({ probe, spans: wholeSheet(probe) })),
  );
  return probes.map((probe, i) => gridOf(probe, rows[i]));
}
