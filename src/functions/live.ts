import type { FrameworkCatalog } from "../core/check";
import { catalogOf, checkWorkbook } from "../core/check";
import type { Framework } from "../core/model";
import { readWorkbookGrids } from "../excel/read";
import type { ExcelRunner } from "../excel/workbook";
import { AssessmentIndex } from "./engine";

type Subscriber = () => void;

/**
 * Keeps the index of the workbook's assessment sheets current for the custom functions, in the
 * shared runtime: one read of every sheet at start, then, on each change event, one read of just
 * the sheets that changed (edits within `debounceMs` are read together). After each read every
 * live formula is recomputed from memory and its cell updated only if its value changed, so
 * 10,000 formulas cost no round trip each.
 */
export class LiveWorkbook {
  readonly index = new AssessmentIndex();
  /** Workbook reads so far (each one batch, of one or more sheets): what a change costs. */
  reads = 0;
  private ready?: Promise<void>;
  private readonly sheetNames = new Map<string, string>();
  private readonly pending = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private flushing: Promise<void> = Promise.resolve();
  private readonly subscribers = new Set<Subscriber>();
  private readonly catalog: FrameworkCatalog;

  constructor(
    private readonly run: ExcelRunner,
    frameworks: Framework[],
    private readonly debounceMs = 150,
  ) {
    this.catalog = catalogOf(frameworks);
  }

  /** Reads the workbook once and starts listening for changes; later calls wait for the same start. */
  start(): Promise<void> {
    this.ready ??= this.initialise();
    return this.ready;
  }

  private async initialise() {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.onChanged.add(async (event) => this.sheetChanged(event.worksheetId));
      worksheets.onAdded.add(async () => this.refreshAll());
      worksheets.onDeleted.add(async () => this.refreshAll());
      await context.sync();
    });
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

  async refreshAll(): Promise<void> {
    const grids = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync();
      this.sheetNames.clear();
      for (const ws of worksheets.items) this.sheetNames.set(ws.id, ws.name);
      return readWorkbookGrids(context, worksheets.items.map((ws) => ws.name));
    });
    this.reads++;
    this.index.replaceAll(checkWorkbook(grids, this.catalog).sheets);
    this.notify();
  }

  private sheetChanged(worksheetId: string) {
    const name = this.sheetNames.get(worksheetId);
    if (name === undefined) return this.refreshAll();
    this.pending.add(name);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Reads the sheets changed since the last flush, in one batch, and updates the live formulas. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const names = [...this.pending];
      this.pending.clear();
      if (names.length === 0) return;
      try {
        const grids = await this.run((context) => readWorkbookGrids(context, names));
        this.reads++;
        for (const grid of grids) {
          const sheet = checkWorkbook([grid], this.catalog).sheets[0];
          this.index.replaceSheet(grid.name, sheet);
        }
        this.notify();
      } catch {
        // A sheet renamed or deleted since the event: what the workbook holds now is read whole.
        await this.refreshAll();
      }
    });
    return this.flushing;
  }

  private notify() {
    for (const update of [...this.subscribers]) update();
  }
}
