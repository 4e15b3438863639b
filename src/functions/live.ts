import type { Problem } from "../core/check";
import type { FrameworkCatalog } from "../core/catalog";
import { checkWorkbook, frameworksInGrids } from "../core/check";
import { catalogOf } from "../core/catalog";
import { formulaKey } from "../core/grid";
import { columnIndex } from "../core/layout/plan";
import type { Rect } from "../core/layout/plan";
import type { Framework } from "../core/model";
import { PROBE_ROWS } from "../core/probe";
import type { RowSpan, RowsRead, SheetProbe } from "../excel/read";
import { gridOf, probeSheets, readRows, wholeSheet } from "../excel/read";
import type { ExcelRunner } from "../excel/workbook";
import { AssessmentIndex } from "./engine";

type Subscriber = () => void;

/** What is known of one sheet: its probe and, for an assessment or framework sheet, the rows read of it. */
interface KnownSheet {
  probe: SheetProbe;
  rows?: RowsRead;
}

/** Edits to one sheet since the last flush: the edited ranges, or "structural" when rows or columns moved. */
interface PendingChange {
  ranges: Rect[];
  structural: boolean;
}

/** Rows an edit may add below an assessment table and still be read on their own, without reading the sheet again. */
const MAX_ROWS_BELOW_TABLE = 1000;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** An event's address ("B12", "B12:D14", "C:C", "3:5", with or without the sheet) as a rectangle; null if unreadable. */
export function eventRange(address: string): Rect | null {
  const a = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [from, to = from] = a.split(":");
  const part = (s: string) => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(s.trim());
    return m && (m[1] || m[2]) ? { col: m[1] ? columnIndex(m[1]) : -1, row: m[2] ? Number(m[2]) - 1 : -1 } : null;
  };
  const s = part(from);
  const e = part(to);
  if (!s || !e) return null;
  const row = Math.max(0, s.row);
  const col = Math.max(0, s.col);
  const endRow = e.row < 0 ? MAX_ROW - 1 : e.row;
  const endCol = e.col < 0 ? MAX_COL - 1 : e.col;
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

/** Sheets read whole and kept: assessment sheets (patched row by row) and framework sheets (small, read again on any edit). */
const isRead = (probe: SheetProbe) => probe.kind === "assessment" || probe.kind === "framework";

const overlapsRows = (r: Rect, from: number, to: number) => r.row < to && r.row + r.rows > from;

/** Whether an edit can change what the probe of a sheet saw: column A of the top rows, or the header row. */
function touchesProbe(range: Rect, probe: SheetProbe): boolean {
  if (range.col === 0 && range.row < PROBE_ROWS) return true;
  return probe.headerRow !== null && overlapsRows(range, probe.headerRow, probe.headerRow + 1);
}

/** The rows of an assessment table an edit changed, or null when the sheet must be read again (metadata, header, new columns). */
function bodyRows(change: PendingChange, probe: SheetProbe): RowSpan[] | null {
  const { used, headerRow } = probe;
  if (change.structural || !used || headerRow === null) return null;
  const spans: RowSpan[] = [];
  for (const r of change.ranges) {
    const outside = r.row <= headerRow || r.col < used.col || r.col + r.cols > used.col + used.cols || r.row + r.rows > used.row + used.rows + MAX_ROWS_BELOW_TABLE;
    if (outside) return null;
    spans.push({ from: r.row, to: r.row + r.rows });
  }
  return spans;
}

/** Takes freshly read rows into the rows kept of a sheet. */
function mergeRows(kept: RowsRead, fresh: RowsRead, spans: RowSpan[], probe: SheetProbe) {
  const columns = probe.formulaColumns ?? [];
  for (const { from, to } of spans) {
    for (let r = from; r < to; r++) {
      for (const c of columns) kept.formulas.delete(formulaKey(r, c));
      kept.hiddenRows.delete(r);
    }
  }
  fresh.values.forEach((row, r) => kept.values.set(r, row));
  fresh.formulas.forEach((formula, k) => kept.formulas.set(k, formula));
  fresh.hiddenRows.forEach((r) => kept.hiddenRows.add(r));
}

/**
 * Keeps the index of the workbook's assessment sheets, and the catalog of frameworks (the given
 * ones and the workbook's framework sheets), current for the custom functions, in the shared
 * runtime. At start every sheet is probed (its top rows only) and the assessment and framework
 * sheets are read in payload-sized chunks. On change events (edits within `debounceMs` are taken
 * together): an edit to another sheet costs nothing unless it touches what the probe looked at,
 * then one probe; an edit to an assessment table's rows reads just those rows; an edit to a
 * framework sheet re-reads that sheet (they are small), rebuilds the catalog and judges the
 * assessment sheets of its framework again from the rows already in memory; anything else
 * re-reads just that sheet. Reads run one at a time, in order, so an older read never
 * overwrites a newer one. After each read every live formula is recomputed from memory and its
 * cell updated only if its value changed.
 */
export class LiveWorkbook {
  readonly index = new AssessmentIndex();
  /** Workbook reads so far (each one batch, of one or more sheets): what a change costs. */
  reads = 0;
  private ready?: Promise<void>;
  private listening = false;
  private readonly sheets = new Map<string, KnownSheet>();
  private readonly pending = new Map<string, PendingChange>();
  private sheetListChanged = false;
  /** Set when a read failed: the next flush reads the whole workbook, so no change is lost. */
  private stale = false;
  private timer?: ReturnType<typeof setTimeout>;
  private queue: Promise<void> = Promise.resolve();
  private readonly subscribers = new Set<Subscriber>();
  /** The frameworks given to the constructor (the built-ins); the workbook's framework sheets come on top. */
  private readonly given: FrameworkCatalog;
  private catalog: FrameworkCatalog;
  /** What is wrong in the workbook's framework sheets, each at its cell; such a sheet is left out of the catalog. */
  frameworkProblems: Problem[] = [];

  constructor(
    private readonly run: ExcelRunner,
    frameworks: Framework[],
    private readonly debounceMs = 150,
  ) {
    this.given = catalogOf(frameworks);
    this.catalog = this.given;
  }

  /** The frameworks the functions know now: the given ones, each replaced by the workbook's framework sheet of its id, and the workbook's others. */
  frameworks(): Framework[] {
    return this.catalog.frameworks();
  }

  /** Reads the workbook once and starts listening for changes; later calls wait for the same start, or try again after a failed one. */
  start(): Promise<void> {
    this.ready ??= this.initialise().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async initialise() {
    if (!this.listening) {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.onChanged.add(async (event) => this.sheetChanged(event.worksheetId, event.changeType, event.address));
        worksheets.onAdded.add(async () => this.sheetListEvent());
        worksheets.onDeleted.add(async () => this.sheetListEvent());
        await context.sync();
      });
      this.listening = true;
    }
    await this.refreshAll();
  }

  /** Calls `update` now (if the index is ready) and after every refresh, until the returned function is called. */
  subscribe(update: Subscriber): () => void {
    this.subscribers.add(update);
    if (this.ready) this.ready.then(() => this.subscribers.has(update) && update(), () => undefined);
    return () => void this.subscribers.delete(update);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Probes every sheet and reads every assessment sheet again. */
  refreshAll(): Promise<void> {
    return this.serialised(() => this.readAll());
  }

  /** Reads what changed since the last flush, after any read already under way. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return this.serialised(() => this.readPending());
  }

  /** Runs reads one after another: each one's result is in the index before the next one starts. */
  private serialised(read: () => Promise<void>): Promise<void> {
    const next = this.queue.then(read);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readAll() {
    const { probes, rows } = await this.run(async (context) => {
      const probed = await probeSheets(context, this.catalog.criterionIds);
      const wanted = probed.filter(isRead);
      const read = await readRows(
        context,
        wanted.map((probe) => ({ probe, spans: wholeSheet(probe) })),
      );
      return { probes: probed, rows: new Map(wanted.map((p, i) => [p.id, read[i]])) };
    });
    this.reads++;
    this.stale = false;
    this.sheets.clear();
    for (const probe of probes) this.sheets.set(probe.id, { probe, rows: rows.get(probe.id) });
    this.rebuildCatalog();
    this.index.replaceAll(
      checkWorkbook(
        [...this.sheets.values()].flatMap((s) => (s.rows && s.probe.kind === "assessment" ? [gridOf(s.probe, s.rows)] : [])),
        this.catalog,
      ).sheets,
    );
    this.notify();
  }

  /** The catalog from the given frameworks and the framework sheets read (in workbook order: a later sheet of an id wins, as in the check). */
  private rebuildCatalog() {
    const own = frameworksInGrids([...this.sheets.values()].flatMap((s) => (s.rows && s.probe.kind === "framework" ? [gridOf(s.probe, s.rows)] : [])));
    this.catalog = this.given.with(own.entries);
    this.frameworkProblems = own.problems;
  }

  /** The ids of the frameworks that the workbook's framework sheets named `sheets` provide now. */
  private frameworkIdsOnSheets(sheets: Set<string>): string[] {
    return this.catalog.entries().flatMap((e) => (e.origin.kind === "sheet" && sheets.has(e.origin.sheet) ? [e.framework.id] : []));
  }

  private sheetChanged(worksheetId: string, changeType: string, address: string) {
    const change = this.pending.get(worksheetId) ?? { ranges: [], structural: false };
    const range = changeType === "RangeEdited" ? eventRange(address) : null;
    if (range) change.ranges.push(range);
    else change.structural = true;
    this.pending.set(worksheetId, change);
    this.schedule();
  }

  private sheetListEvent() {
    this.sheetListChanged = true;
    this.schedule();
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.debounceMs);
  }

  private async readPending() {
    const changes = new Map(this.pending);
    this.pending.clear();
    const listChanged = this.sheetListChanged;
    this.sheetListChanged = false;
    if (this.stale) return this.readAll();
    if (changes.size === 0 && !listChanged) return;
    try {
      await this.readChanges(changes, listChanged);
    } catch {
      // A sheet deleted or renamed under us, or a read Excel refused: what the workbook holds now is read whole.
      this.stale = true;
      await this.readAll();
    }
  }

  private async readChanges(changes: Map<string, PendingChange>, listChanged: boolean) {
    const toProbe = new Set<string>();
    const toPatch = new Map<string, RowSpan[]>();
    for (const [id, change] of changes) {
      const known = this.sheets.get(id);
      if (!known) {
        toProbe.add(id);
      } else if (known.probe.kind === "framework") {
        toProbe.add(id);
      } else if (known.probe.kind === "assessment") {
        const spans = known.rows ? bodyRows(change, known.probe) : null;
        if (spans) toPatch.set(id, spans);
        else toProbe.add(id);
      } else if (change.structural || change.ranges.some((r) => touchesProbe(r, known.probe))) {
        toProbe.add(id);
      }
    }
    if (toProbe.size === 0 && toPatch.size === 0 && !listChanged) return;

    const outcome = await this.run(async (context) => {
      let present: { id: string; name: string }[] | undefined;
      if (listChanged) {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await context.sync();
        present = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
        for (const ws of present) if (!this.sheets.has(ws.id)) toProbe.add(ws.id);
      }
      const probes = toProbe.size > 0 ? await probeSheets(context, this.catalog.criterionIds, [...toProbe]) : [];
      const patched = [...toPatch].map(([id, spans]) => ({ probe: this.sheets.get(id)?.probe as SheetProbe, spans }));
      const wholes = probes.filter(isRead).map((probe) => ({ probe, spans: wholeSheet(probe) }));
      const rows = await readRows(context, [...patched, ...wholes]);
      return { present, probes, patched, wholes, rows };
    });
    this.reads++;

    /** Framework sheets read again, added or gone, by name before and after: the catalog is rebuilt when there are any. */
    const frameworkSheets = new Set<string>();
    if (outcome.present) {
      const ids = new Set(outcome.present.map((ws) => ws.id));
      for (const [id, known] of this.sheets) {
        if (ids.has(id)) continue;
        this.sheets.delete(id);
        this.index.replaceSheet(known.probe.name, undefined);
        if (known.probe.kind === "framework") frameworkSheets.add(known.probe.name);
      }
    }
    const touched = new Set<string>();
    outcome.patched.forEach(({ probe, spans }, i) => {
      const known = this.sheets.get(probe.id) as KnownSheet;
      this.renamed(known, outcome.rows[i].sheetName ?? probe.name);
      mergeRows(known.rows as RowsRead, outcome.rows[i], spans, probe);
      const used = probe.used as Rect;
      const end = Math.max(used.row + used.rows, ...spans.map((s) => s.to));
      known.probe = { ...known.probe, used: { ...used, rows: end - used.row } };
      touched.add(probe.id);
    });
    for (const probe of outcome.probes) {
      const before = this.sheets.get(probe.id);
      if (before && before.probe.name !== probe.name) this.index.replaceSheet(before.probe.name, undefined);
      const whole = outcome.wholes.findIndex((w) => w.probe === probe);
      this.sheets.set(probe.id, { probe, rows: whole >= 0 ? outcome.rows[outcome.patched.length + whole] : undefined });
      // Another sheet that stays another sheet changes nothing the formulas see.
      if (before?.probe.kind === "assessment" || probe.kind === "assessment") touched.add(probe.id);
      if (before?.probe.kind === "framework") frameworkSheets.add(before.probe.name);
      if (probe.kind === "framework") frameworkSheets.add(probe.name);
    }
    if (frameworkSheets.size > 0) {
      const changed = new Set(this.frameworkIdsOnSheets(frameworkSheets));
      this.rebuildCatalog();
      for (const id of this.frameworkIdsOnSheets(frameworkSheets)) changed.add(id);
      // Judged again from the rows in memory: the sheets of a changed framework, and those no framework resolved before.
      const judged = new Map(this.index.sheets().map((s) => [s.sheet, s.framework.id]));
      for (const [id, known] of this.sheets) {
        if (known.probe.kind !== "assessment" || !known.rows) continue;
        const framework = judged.get(known.probe.name);
        if (framework === undefined || changed.has(framework)) touched.add(id);
      }
    }
    for (const id of touched) {
      const known = this.sheets.get(id) as KnownSheet;
      const sheet = known.rows ? checkWorkbook([gridOf(known.probe, known.rows)], this.catalog).sheets[0] : undefined;
      this.index.replaceSheet(known.probe.name, sheet);
    }
    if (touched.size > 0 || outcome.present || frameworkSheets.size > 0) this.notify();
  }

  /** A sheet renamed since it was read: the index forgets the old name. */
  private renamed(known: KnownSheet, name: string) {
    if (known.probe.name === name) return;
    this.index.replaceSheet(known.probe.name, undefined);
    known.probe = { ...known.probe, name };
  }

  private notify() {
    for (const update of [...this.subscribers]) update();
  }
}
