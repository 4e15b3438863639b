import type { Level } from "./framework";
import type { SheetGrid } from "./grid";
import type { SheetRow } from "./grid";
import { cellAt, gridRow, isBlankValue, labelText } from "./grid";
import { ASSESSMENT_LABELS, COMPUTED_HEADERS, assessedCriteria, versionInTitle } from "./layout/assessment-sheet";
import type { Rect } from "./layout/plan";
import { cellAddress, columnName, rectAddress } from "./layout/plan";
import { describeLevel, findLevel, findRole, normaliseName } from "./lookup";
import type { Criterion, Framework, Role } from "./model";
import { levelIndex } from "./model";
import type { CatalogEntry, FrameworkCatalog } from "./catalog";
import { readFrameworkSheet } from "./interchange/framework-sheet-reader";
import type { ImportProblem } from "./interchange/result";
import { FRAMEWORK_METADATA, isFrameworkSheet } from "./layout/framework-sheet";
import { classifyGrid, headerRowOf, metadataRows, PROBE_ROWS, probeColumnA } from "./probe";
import type { Evaluation, Scores } from "./rules";
import { evaluate } from "./rules";
import type { CellValue, ScoreClass } from "./scores";
import { BLANK, classifyScore, describeValue, isErrorValue } from "./scores";

export type Severity = "error" | "warning";

export interface Problem {
  sheet: string;
  cell: string;
  severity: Severity;
  code: string;
  message: string;
}

/** One person's result: the rules' evaluation, with levels by id and where the person is. */
export interface PersonResult extends Omit<Evaluation, "targetIndex" | "attainedIndex"> {
  sheet: string;
  /** A1 address of the person's Employee cell. */
  cell: string;
  employee: string;
  framework: string;
  role: string;
  targetLevel: string;
  /** Level id, or null when not even the first level is reached. */
  attainedLevel: string | null;
}

/** One person's row as read: classified scores by criterion id. */
export interface AssessedPerson {
  employee: string;
  /** A1 address of the person's Employee cell. */
  cell: string;
  scores: Scores;
}

/** One assessment sheet as read: enough to judge it, and for the custom functions' index. */
export interface AssessmentSheet {
  sheet: string;
  framework: Framework;
  role: Role;
  target: Level;
  people: AssessedPerson[];
}

export interface CheckResult {
  /** Names of the sheets recognised as assessment sheets, checked or not. */
  assessmentSheets: string[];
  /** The workbook's own framework sheets, by name, read before its assessment sheets. */
  frameworkSheets: string[];
  sheets: AssessmentSheet[];
  people: PersonResult[];
  problems: Problem[];
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/**
 * The scores of a table's people, one byte a score cell in one buffer that grows as people are
 * read: a sheet of 50,000 people holds 3,000,000 scores, and an object reference each would cost
 * eight times the memory. A byte is 0 for blank, 1 for a score kept aside (invalid, or a valid
 * value the byte cannot hold), else a code for one of the few valid scores (each one object).
 */
class ScoreTable {
  private codes = new Uint8Array(4096);
  private rows = 0;
  private readonly codeOf = new Map<ScoreClass, number>();
  private readonly scoreOfCode: ScoreClass[] = [BLANK, BLANK];
  private readonly keptAside = new Map<number, ScoreClass>();

  constructor(readonly columnOf: ReadonlyMap<string, number>) {}

  /** Room for one more person's scores, all blank; returns where they start. */
  addRow(): number {
    const start = this.rows * this.columnOf.size;
    this.rows++;
    if (start + this.columnOf.size > this.codes.length) {
      const grown = new Uint8Array(Math.max(this.codes.length * 2, start + this.columnOf.size));
      grown.set(this.codes);
      this.codes = grown;
    }
    return start;
  }

  set(at: number, score: ScoreClass): void {
    this.keptAside.delete(at);
    if (score.kind === "blank") {
      this.codes[at] = 0;
      return;
    }
    let code = score.kind === "valid" ? this.codeOf.get(score) : undefined;
    if (code === undefined && score.kind === "valid" && this.scoreOfCode.length < 256) {
      code = this.scoreOfCode.push(score) - 1;
      this.codeOf.set(score, code);
    }
    if (code === undefined) {
      this.keptAside.set(at, score);
      code = 1;
    }
    this.codes[at] = code;
  }

  get(at: number): ScoreClass {
    const code = this.codes[at];
    return code === 1 ? (this.keptAside.get(at) as ScoreClass) : this.scoreOfCode[code];
  }
}

/** One person's scores, by criterion id: a view of their row of the table's scores. */
class RowScores implements Scores {
  private readonly start: number;

  constructor(private readonly table: ScoreTable) {
    this.start = table.addRow();
  }

  set(id: string, score: ScoreClass): void {
    this.table.set(this.start + (this.table.columnOf.get(id) as number), score);
  }

  get(id: string): ScoreClass | undefined {
    const column = this.table.columnOf.get(id);
    return column === undefined ? undefined : this.table.get(this.start + column);
  }
}

/** Problems of one sheet, each at a cell. */
class SheetProblems {
  readonly list: Problem[] = [];
  constructor(private readonly sheet: string) {}

  add(row: number, col: number, severity: Severity, code: string, message: string) {
    this.list.push({ sheet: this.sheet, cell: cellAddress(row, col), severity, code, message });
  }
}

/** What an assessment sheet's table is for, from its metadata (or, for a bare table, from the caller). */
export interface ScoreTableHead {
  framework: Framework;
  role: Role;
  target: Level;
  /** 0-based row of the Employee header. */
  headerRow: number;
  /** Where the target level is written, to point at when it does not fit the table. */
  targetCell?: { row: number; col: number };
  /** The framework version the sheet was made from, when it says. */
  sheetVersion?: string;
}


/** Reads the labels above the table: which framework, role and target level the sheet assesses, and where its header is. */
function readHead(grid: SheetGrid, catalog: FrameworkCatalog, problems: SheetProblems): ScoreTableHead | undefined {
  const L = ASSESSMENT_LABELS;
  const columnA = probeColumnA(grid);
  const { framework: fwRow, role: roleRow, target: targetRow } = metadataRows(columnA);
  const fix = "Put it back as the template had it, or make a new sheet with hr-competency template.";
  if (fwRow < 0) {
    problems.add(0, 0, "error", "metadata-missing", `The "${L.framework}" label with the framework id beside it was not found in column A, so the sheet cannot be checked. ${fix}`);
    return undefined;
  }
  const fwId = text(cellAt(grid, fwRow, 1));
  const framework = fwId ? catalog.find(fwId) : undefined;
  if (!framework) {
    const known = catalog.frameworks().map((f) => f.id).join(", ");
    problems.add(fwRow, 1, "error", fwId ? "unknown-framework" : "metadata-missing", fwId ? `Unknown framework "${fwId}"; the sheet cannot be checked. Known frameworks: ${known}. Add its framework sheet to the workbook, or pass its file with --frameworks.` : `The framework id is missing beside "${L.framework}". ${fix}`);
    return undefined;
  }
  if (roleRow < 0) {
    problems.add(fwRow + 1, 0, "error", "metadata-missing", `The "${L.role}" label with the role id beside it was not found in column A. ${fix}`);
    return undefined;
  }
  const roleName = text(cellAt(grid, roleRow, 1));
  const role = roleName ? findRole(framework, roleName) : undefined;
  if (!role) {
    problems.add(roleRow, 1, "error", roleName ? "unknown-role" : "metadata-missing", roleName ? `Unknown role "${roleName}" in ${framework.id}. Roles: ${framework.roles.map((r) => r.id).join(", ")}.` : `The role id is missing beside "${L.role}". ${fix}`);
    return undefined;
  }
  let target: Level | undefined;
  const targetName = targetRow >= 0 ? text(cellAt(grid, targetRow, 1)) : "";
  if (targetName) target = findLevel(framework, targetName);
  else if (framework.implicitLevel) target = framework.levels[0];
  if (!target) {
    const row = targetRow >= 0 ? targetRow : roleRow + 1;
    problems.add(row, targetRow >= 0 ? 1 : 0, "error", targetName ? "unknown-level" : "metadata-missing", targetName ? `Unknown target level "${targetName}". Levels: ${framework.levels.map(describeLevel).join(", ")}.` : `The target level is missing. ${fix}`);
    return undefined;
  }
  const below = Math.max(fwRow, roleRow, targetRow) + 1;
  const headerRow = headerRowOf(columnA);
  if (headerRow === null) {
    problems.add(below, 0, "error", "header-missing", `No table header with "${L.employee}" in column A was found below the metadata, within the first ${PROBE_ROWS} rows. ${fix}`);
    return undefined;
  }
  const sheetVersion = versionInTitle(cellAt(grid, fwRow, 2));
  return { framework, role, target, headerRow, targetCell: targetRow >= 0 ? { row: targetRow, col: 1 } : undefined, sheetVersion };
}

/**
 * Each criterion's column, and the criteria added to the framework since the sheet's version
 * (not assessed on this sheet). Undefined when the target is above every level the table has
 * columns for (reported at the target cell).
 */
function readHeader(header: readonly CellValue[], head: ScoreTableHead, problems: SheetProblems): { columns: Map<string, number>; addedSince: Set<string> } | undefined {
  const { framework, role, target, headerRow } = head;
  const changedSince = head.sheetVersion !== undefined && head.sheetVersion !== framework.version ? head.sheetVersion : undefined;
  const inScope = new Map(assessedCriteria(framework, role, target).map((c) => [c.id.toUpperCase(), c]));
  const ofRole = new Map(role.criteria.map((c) => [c.id.toUpperCase(), c]));
  const computed = new Set(COMPUTED_HEADERS.map((h) => h.toLowerCase()));
  const columns = new Map<string, number>();
  const found: { col: number; message: () => string; code: string; severity: Severity }[] = [];
  let highestLevelWithColumn = 0;
  for (let col = 1; col < header.length; col++) {
    const value = header[col];
    if (isBlankValue(value)) continue;
    const name = text(value);
    const key = name.toUpperCase();
    const ofThisRole = ofRole.get(key);
    if (ofThisRole) highestLevelWithColumn = Math.max(highestLevelWithColumn, levelIndex(framework, ofThisRole.level));
    const criterion = inScope.get(key);
    if (criterion) {
      const earlier = columns.get(criterion.id);
      if (earlier !== undefined) {
        found.push({ col, severity: "error", code: "criterion-column-duplicate", message: () => `Criterion ${criterion.id} has a second column; only column ${columnName(earlier)} is read. Delete one of them.` });
      } else {
        columns.set(criterion.id, col);
      }
    } else if (computed.has(name.toLowerCase())) {
      continue;
    } else if (ofThisRole) {
      found.push({ col, severity: "warning", code: "criterion-out-of-scope", message: () => `Criterion ${name} is above the target level ${target.id}; its column is ignored.` });
    } else if (changedSince) {
      found.push({ col, severity: "warning", code: "criterion-removed-since", message: () => `Column ${columnName(col)} (${describeValue(value)}) is not a criterion of ${role.id} in version ${framework.version} of ${framework.id}: it was removed or renamed since version ${changedSince}, which this sheet was made from. It is ignored.` });
    } else {
      found.push({ col, severity: "warning", code: "unknown-column", message: () => `Column ${columnName(col)} (${describeValue(value)}) is not a criterion of ${role.id}; it is ignored.` });
    }
  }
  const targetIndex = levelIndex(framework, target.id);
  if (highestLevelWithColumn > 0 && targetIndex > highestLevelWithColumn && head.targetCell) {
    // A raised target on a sheet made for a lower one: one clear error, not one per missing column.
    const sheetLevel = framework.levels[highestLevelWithColumn - 1];
    problems.add(head.targetCell.row, head.targetCell.col, "error", "target-above-sheet", `The target level ${describeLevel(target)} is above the levels this sheet has columns for (up to ${describeLevel(sheetLevel)}), so its people are not checked. Set the target back to ${sheetLevel.id}, or create an assessment sheet for target ${target.id} (hr-competency template --level ${target.id}).`);
    return undefined;
  }
  for (const f of found) problems.add(headerRow, f.col, f.severity, f.code, f.message());
  const after = header.length;
  const addedSince = new Set<string>();
  for (const criterion of inScope.values()) {
    if (!columns.has(criterion.id)) {
      if (changedSince) {
        addedSince.add(criterion.id);
        problems.add(headerRow, after, "warning", "criterion-added-since", `Criterion ${criterion.id} was added to ${framework.id} after version ${changedSince}, which this sheet was made from (it is now at version ${framework.version}); it is not assessed here. To assess it, create a new assessment sheet.`);
      } else {
        problems.add(headerRow, after, "error", "criterion-column-missing", `The column for criterion ${criterion.id} is missing, so everyone's score for it counts as missing. Add a column headed ${criterion.id}.`);
      }
    }
    if (criterion.priority === "unspecified") {
      problems.add(headerRow, columns.get(criterion.id) ?? 0, "warning", "unspecified-priority", `Criterion ${criterion.id} has no priority (essential or desirable) in ${framework.id}; it counts as essential.`);
    }
  }
  return { columns, addedSince };
}

/** The first index in the ascending `rows` holding a row at or after `row`. */
function firstAtOrAfter(rows: readonly number[], row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid] < row) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Reads an assessment table row by row, as a streaming reader hands rows over, keeping only the
 * people it read: one person a row, each score classified by the framework's scale. Whatever is
 * wrong becomes a problem at its cell; nothing here judges whether a person meets a level.
 *
 * Merged cells are listed at the end of a sheet's XML, after its rows, so they are applied when
 * the table is finished: a score cell a merge covers counts as missing, and its problems become
 * the merge's, in the place they would have had.
 */
export class ScoreTableReader {
  private readonly criteria: [Criterion, number][] = [];
  private readonly role: Role;
  /** False when the target is above the levels the table has columns for: nobody is judged. */
  readonly readsPeople: boolean;
  private readonly scores: ScoreTable;
  private readonly seen = new Map<string, number>();
  private readonly people: AssessedPerson[] = [];
  /** Per person, in reading order: the row, and where the problems of its score cells start and end in the list. */
  private readonly personRows: number[] = [];
  private readonly scoreProblemsFrom: number[] = [];
  private readonly scoreProblemsTo: number[] = [];
  private blankRun: number[] = [];
  private nextRow: number;

  constructor(
    private readonly sheetName: string,
    private readonly head: ScoreTableHead,
    header: readonly CellValue[],
    private readonly problems: SheetProblems,
  ) {
    this.nextRow = head.headerRow + 1;
    const read = readHeader(header, head, problems);
    this.readsPeople = read !== undefined;
    // Criteria added to the framework since the sheet was made are not judged on it.
    this.role = !read || read.addedSince.size === 0 ? head.role : { ...head.role, criteria: head.role.criteria.filter((c) => !read.addedSince.has(c.id)) };
    if (read) this.criteria = this.role.criteria.filter((c) => read.columns.has(c.id)).map((c) => [c, read.columns.get(c.id) as number]);
    this.scores = new ScoreTable(new Map(this.criteria.map(([c], i) => [c.id, i])));
  }

  /** Reads one row; rows at or above the header are passed over, and rows never handed over are blank. */
  addRow(row: SheetRow): void {
    const { index, values } = row;
    if (!this.readsPeople || index < this.nextRow) return;
    for (let blank = this.nextRow; blank < index; blank++) this.blankRun.push(blank);
    this.nextRow = index + 1;
    const { problems, criteria } = this;
    const { framework } = this.head;
    const nameValue = values[0] ?? null;
    const hasScores = criteria.some(([, col]) => !isBlankValue(values[col] ?? null));
    if (isBlankValue(nameValue) && !hasScores) {
      this.blankRun.push(index);
      return;
    }
    for (const blank of this.blankRun) problems.add(blank, 0, "warning", "blank-row", `Row ${blank + 1} inside the table is empty; the rows below it are checked too.`);
    this.blankRun = [];
    if (isBlankValue(nameValue) || isErrorValue(nameValue) || typeof nameValue === "boolean") {
      problems.add(index, 0, "error", "employee-missing", `Row ${index + 1} has scores but no employee name${isBlankValue(nameValue) ? "" : ` (${describeValue(nameValue)})`}; the row is not checked. Type the person's name in column A.`);
      return;
    }
    const employee = nameValue instanceof Date ? nameValue.toISOString().slice(0, 10) : String(nameValue).trim();
    const key = normaliseName(employee);
    const first = this.seen.get(key);
    if (first !== undefined) {
      problems.add(index, 0, "error", "employee-duplicate", `"${employee}" is also in row ${first + 1}; both rows are checked, but formulas that look a person up by name will not know which to use. Give each person one row.`);
    } else {
      this.seen.set(key, index);
    }
    if (row.hidden) problems.add(index, 0, "warning", "row-hidden", `Row ${index + 1} (${employee}) is hidden; it was checked anyway.`);

    this.scoreProblemsFrom.push(problems.list.length);
    const scores = new RowScores(this.scores);
    for (const [criterion, col] of criteria) {
      const value = values[col] ?? null;
      const score = classifyScore(value, framework.scale);
      const formula = row.formulaAt(col);
      if (formula !== undefined) {
        const result = value === null ? "its result is not stored in the file, so the score is read as blank" : `its result ${describeValue(value)} is used`;
        problems.add(index, col, "warning", "score-formula", `The score for ${criterion.id} (${employee}) is a formula (=${formula}); ${result}. Type the score itself.`);
      }
      if (score.kind === "invalid") {
        problems.add(index, col, "error", score.code, `Score for ${criterion.id} (${employee}): ${score.reason}. It counts as missing.`);
      }
      scores.set(criterion.id, score);
    }
    this.scoreProblemsTo.push(problems.list.length);
    this.personRows.push(index);
    this.people.push({ employee, cell: cellAddress(index, 0), scores });
  }

  /** Ends the table, with the sheet's merged ranges (known only once all its rows are read). */
  finish(merges: readonly Rect[]): { sheet: AssessmentSheet; problems: Problem[] } {
    const { framework, target, headerRow } = this.head;
    const sheet: AssessmentSheet = { sheet: this.sheetName, framework, role: this.role, target, people: this.people };
    // The sheet is known but its table cannot be judged at this target: it holds nobody to judge.
    if (!this.readsPeople) return { sheet, problems: this.problems.list };
    this.applyMerges(merges);
    if (this.people.length === 0) {
      this.problems.add(headerRow + 1, 0, "warning", "no-people", "The table has no one in it yet. Type a name in column A and scores under the criteria.");
    }
    return { sheet, problems: this.problems.list };
  }

  /** Score cells of people's rows that a merge covers without being its top-left cell, by person. */
  private coveredScoreCells(merges: readonly Rect[]): Map<number, Map<number, Rect>> {
    const covered = new Map<number, Map<number, Rect>>();
    for (const merge of merges) {
      const columns = this.criteria.filter(([, col]) => col >= merge.col && col < merge.col + merge.cols).map(([, col]) => col);
      if (columns.length === 0) continue;
      for (let p = firstAtOrAfter(this.personRows, merge.row); p < this.personRows.length && this.personRows[p] < merge.row + merge.rows; p++) {
        const row = this.personRows[p];
        for (const col of columns) {
          if (row === merge.row && col === merge.col) continue;
          let cells = covered.get(p);
          if (!cells) covered.set(p, (cells = new Map()));
          cells.set(col, merge);
        }
      }
    }
    return covered;
  }

  private applyMerges(merges: readonly Rect[]): void {
    const covered = this.coveredScoreCells(merges);
    // Latest person first, so the problem positions of the earlier ones still hold when each is spliced.
    for (const p of [...covered.keys()].sort((a, b) => b - a)) {
      const cells = covered.get(p) as Map<number, Rect>;
      const row = this.personRows[p];
      const { employee, scores } = this.people[p];
      const from = this.scoreProblemsFrom[p];
      const before = this.problems.list.slice(from, this.scoreProblemsTo[p]);
      const after: Problem[] = [];
      for (const [criterion, col] of this.criteria) {
        const merge = cells.get(col);
        const cell = cellAddress(row, col);
        if (!merge) {
          after.push(...before.filter((problem) => problem.cell === cell));
          continue;
        }
        const topLeft = cellAddress(merge.row, merge.col);
        after.push({ sheet: this.sheetName, cell, severity: "error", code: "score-merged", message: `The score for ${criterion.id} (${employee}) is inside the merged cells ${rectAddress(merge)}, which hold only ${topLeft}'s value; it counts as missing. Unmerge ${rectAddress(merge)} and enter a score in each cell.` });
        (scores as RowScores).set(criterion.id, BLANK);
      }
      this.problems.list.splice(from, before.length, ...after);
    }
  }
}


/**
 * Starts reading an assessment sheet from its top PROBE_ROWS rows (more do no harm): its metadata,
 * then its header. Undefined, with the problems, when the metadata cannot be read.
 */
export function startAssessmentSheet(top: SheetGrid, catalog: FrameworkCatalog): { reader?: ScoreTableReader; problems: Problem[] } {
  const problems = new SheetProblems(top.name);
  const head = readHead(top, catalog, problems);
  return head ? { reader: new ScoreTableReader(top.name, head, top.values[head.headerRow] ?? [], problems), problems: problems.list } : { problems: problems.list };
}

/** Reads an assessment table held whole in a grid, with `head` saying what it assesses. */
export function readScoreTable(grid: SheetGrid, head: ScoreTableHead, problems: SheetProblems = new SheetProblems(grid.name)): { sheet?: AssessmentSheet; problems: Problem[] } {
  return readRows(grid, new ScoreTableReader(grid.name, head, grid.values[head.headerRow] ?? [], problems));
}

function readRows(grid: SheetGrid, reader: ScoreTableReader): { sheet: AssessmentSheet; problems: Problem[] } {
  for (let row = 0; reader.readsPeople && row < grid.values.length; row++) reader.addRow(gridRow(grid, row));
  return reader.finish(grid.merges ?? []);
}

/** Reads one assessment sheet held whole: its metadata, then its table. */
export function readAssessmentSheet(grid: SheetGrid, catalog: FrameworkCatalog): { sheet?: AssessmentSheet; problems: Problem[] } {
  const { reader, problems } = startAssessmentSheet(grid, catalog);
  return reader ? readRows(grid, reader) : { problems };
}

/** Judges a sheet as read: every person evaluated by the rules at the sheet's target level. */
export function judgeSheet(sheet: AssessmentSheet): PersonResult[] {
  const { framework, role, target } = sheet;
  const targetIndex = levelIndex(framework, target.id);
  return sheet.people.map(({ employee, cell, scores }) => {
    const { targetIndex: _target, attainedIndex, ...result } = evaluate(framework, role, scores, targetIndex);
    return {
      sheet: sheet.sheet,
      cell,
      employee,
      framework: framework.id,
      role: role.id,
      targetLevel: target.id,
      attainedLevel: attainedIndex > 0 ? framework.levels[attainedIndex - 1].id : null,
      ...result,
    };
  });
}

/** `Sheet!B7` or `'My sheet'!B7` as a problem's sheet and cell. */
function sheetAndCell(location: string, fallbackSheet: string): { sheet: string; cell: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!([A-Z]{1,3}\d+)$/.exec(location);
  if (!match) return { sheet: fallbackSheet, cell: "A1" };
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], cell: match[3] };
}

const FRAMEWORK_ID_LABEL = (FRAMEWORK_METADATA.find(([key]) => key === "id") as (typeof FRAMEWORK_METADATA)[number])[1];

/**
 * The framework sheets among `grids`, read into catalog entries (each replaces a framework of its
 * id, as an edited copy), and what is wrong in them as problems at their cells.
 */
export function frameworksInGrids(grids: SheetGrid[], file?: string): { entries: CatalogEntry[]; problems: Problem[]; sheets: string[] } {
  const entries: CatalogEntry[] = [];
  const problems: Problem[] = [];
  const sheets: string[] = [];
  const sheetOf = new Map<string, string>();
  for (const grid of grids) {
    if (!isFrameworkSheet(grid)) continue;
    sheets.push(grid.name);
    const read = readFrameworkSheet(grid);
    const located = (p: ImportProblem, severity: Severity): Problem => ({ ...sheetAndCell(p.location, grid.name), severity, code: severity === "error" ? "framework-sheet-error" : "framework-sheet-warning", message: p.message });
    if (read.ok) {
      const { id } = read.framework;
      const earlier = sheetOf.get(id.toLowerCase());
      if (earlier !== undefined) {
        const idRow = grid.values.findIndex((row) => labelText(row?.[0]) === FRAMEWORK_ID_LABEL.toLowerCase());
        problems.push({ sheet: grid.name, cell: idRow >= 0 ? cellAddress(idRow, 1) : "A1", severity: "warning", code: "framework-sheet-duplicate", message: `The framework sheets "${earlier}" and "${grid.name}" both define ${id}; "${grid.name}", the later one, is used. Delete the sheet you no longer want, or give one of them another framework id.` });
      }
      sheetOf.set(id.toLowerCase(), grid.name);
      entries.push({ framework: read.framework, origin: { kind: "sheet", sheet: grid.name, ...(file ? { file } : {}) } });
      problems.push(...read.warnings.map((w) => located(w, "warning")));
    } else {
      problems.push(...read.problems.map((p) => located(p, "error")));
    }
  }
  return { entries, problems, sheets };
}

/**
 * A workbook's check, sheet by sheet, for adapters that cannot hold every sheet whole: made from
 * the workbook's framework sheets (which replace catalog frameworks of the same id), it says from
 * a sheet's top rows whether to read it, and gathers what each assessment sheet's reading found.
 */
export class WorkbookCheck {
  readonly catalog: FrameworkCatalog;
  readonly result: CheckResult;

  constructor(frameworkSheets: SheetGrid[], catalog: FrameworkCatalog) {
    const own = frameworksInGrids(frameworkSheets);
    this.catalog = catalog.with(own.entries);
    this.result = { assessmentSheets: [], frameworkSheets: own.sheets, sheets: [], people: [], problems: [...own.problems] };
  }

  /** Whether a sheet, from its top PROBE_ROWS rows, is an assessment sheet to check. */
  isAssessmentSheet(top: SheetGrid): boolean {
    return classifyGrid(top, this.catalog.criterionIds).kind === "assessment";
  }

  /** Records an assessment sheet's reading and judges its people. */
  add(name: string, read: { sheet?: AssessmentSheet; problems: Problem[] }): void {
    const { result } = this;
    result.assessmentSheets.push(name);
    for (const problem of read.problems) result.problems.push(problem);
    if (!read.sheet) return;
    result.sheets.push(read.sheet);
    for (const person of judgeSheet(read.sheet)) result.people.push(person);
  }
}

/**
 * Checks every assessment sheet among `grids`, against the catalog and the workbook's own
 * framework sheets: reads each one's metadata and table, then judges every person by the rules.
 * Never throws on what a sheet contains: whatever is wrong becomes a problem naming its sheet and cell.
 */
export function checkWorkbook(grids: SheetGrid[], catalog: FrameworkCatalog): CheckResult {
  const check = new WorkbookCheck(grids.filter(isFrameworkSheet), catalog);
  for (const grid of grids) if (check.isAssessmentSheet(grid)) check.add(grid.name, readAssessmentSheet(grid, check.catalog));
  return check.result;
}
