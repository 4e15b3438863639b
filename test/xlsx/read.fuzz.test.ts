import ExcelJS from "exceljs";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import type { SheetGrid } from "../../src/core/grid";
import { ASSESSMENT_LABELS, COMPUTED_HEADERS } from "../../src/core/layout/assessment-sheet";
import { builtInFrameworks } from "../../src/frameworks";
import { readGrids } from "../../src/xlsx/read";
import { builtIn, tempDir } from "../helpers/workbooks";
import type { HandmadeGrid, HandmadeValue } from "./handmade";
import { handmadeGridWorkbook } from "./handmade";

/**
 * Random workbooks, written by ExcelJS and by the hand-made writer, never crash the reader or
 * the check, and every problem names a sheet that exists and a valid cell address. The hand-made
 * ones also read back exactly as written.
 */
jest.setTimeout(120_000);
const dir = tempDir("hr-xlsx-fuzz-");
const catalog = catalogOf(builtInFrameworks());
const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const ODD_CHARS = ["'", '"', "&", "<", ">", " ", "é", "✓", "–", "日本", "_x000D_", "\t", "\n", "\r", "\u0001", "=", "+"];
const oddText = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...ODD_CHARS)), { maxLength: 5 }).map((parts) => parts.join(""));

const cellValue: fc.Arbitrary<HandmadeValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 6 }) },
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => (Object.is(n, -0) ? 0 : n)),
  oddText,
  fc.constantFrom("3", " ", "", "three"),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.constantFrom(...["#N/A", "#VALUE!", "#DIV/0!", "#REF!"].map((error) => ({ error }))),
);

/** Excel's rules for sheet names: 1-31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
const sheetName = fc
  .array(fc.oneof(fc.constantFrom("'", '"', "&", "<", "é", "✓", "–", "日本", " ", "(", ")", "#"), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((parts) => [...parts.join("")].filter((c) => c >= " " && !"[]:*?/\\".includes(c)).join("").slice(0, 31).trim())
  .filter((name) => name.length > 0 && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history");

/** An assessment sheet as a grid: metadata, a header with shuffled (some unknown) columns, people, blank rows. */
const assessmentGrid = fc
  .record({
    target: fc.constantFrom(level.id, "", "nope", "A"),
    headerRow: fc.integer({ min: 4, max: 9 }),
    columns: fc.shuffledSubarray([...role.criteria.map((c) => c.id), "XYZ-01", COMPUTED_HEADERS[2], role.criteria[0].id]),
    people: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, cellValue), fc.array(cellValue, { maxLength: 28 })), { maxLength: 8 }),
  })
  .map(({ target, headerRow, columns, people }) => {
    const values: HandmadeValue[][] = [[ASSESSMENT_LABELS.framework, framework.id], [ASSESSMENT_LABELS.role, role.id], [ASSESSMENT_LABELS.target, target]];
    values[headerRow] = [ASSESSMENT_LABELS.employee, ...columns];
    people.forEach(([name, scores], i) => (values[headerRow + 1 + i] = [name, ...scores.slice(0, columns.length)]));
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return values;
  });

const otherGrid = fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 6 });

/** Merges that do not overlap (ExcelJS refuses overlapping ones), and hidden rows, within the grid. */
function layoutOf(values: HandmadeValue[][]) {
  const rows = Math.max(values.length, 1);
  const rect = fc.record({ row: fc.nat(rows - 1), col: fc.nat(5), rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) }).filter((m) => m.rows * m.cols > 1);
  return fc.record({
    merges: fc.array(rect, { maxLength: 3 }).map((rects) =>
      rects.filter((m, i) => rects.slice(0, i).every((o) => m.row + m.rows <= o.row || o.row + o.rows <= m.row || m.col + m.cols <= o.col || o.col + o.cols <= m.col)),
    ),
    hiddenRows: fc.uniqueArray(fc.nat(rows - 1), { maxLength: 3 }),
  });
}

const A1 = (row: number, col: number) => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
};

const randomWorkbook = fc
  .tuple(fc.uniqueArray(sheetName, { minLength: 1, maxLength: 3, selector: (n) => n.toLowerCase() }), assessmentGrid, otherGrid, otherGrid, fc.boolean(), fc.boolean())
  .chain(([names, assessment, other1, other2, withoutAddresses, inlineStrings]) => {
    const grids = [assessment, other1, other2].slice(0, names.length);
    return fc.tuple(...grids.map(layoutOf)).map((layouts) =>
      names.map((name, i) => ({
        name,
        grid: {
          values: grids[i],
          hiddenRows: layouts[i].hiddenRows,
          merges: layouts[i].merges.map((m) => `${A1(m.row, m.col)}:${A1(m.row + m.rows - 1, m.col + m.cols - 1)}`),
          withoutAddresses,
          inlineStrings,
        } as HandmadeGrid,
      })),
    );
  });

function expectValidProblems(grids: SheetGrid[], names: string[]) {
  expect(grids.map((g) => g.name)).toEqual(names);
  const result = checkWorkbook(grids, catalog);
  for (const p of [...result.problems, ...result.people]) {
    expect(names).toContain(p.sheet);
    const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(p.cell);
    expect(m).not.toBeNull();
    const col = m![1].split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    expect(col).toBeLessThanOrEqual(MAX_COLS);
    expect(Number(m![2])).toBeLessThanOrEqual(MAX_ROWS);
  }
}

let fileCount = 0;

describe("reader fuzz", () => {
  it("hand-made workbooks read back exactly as written, and the check names real sheets and cells", async () => {
    await fc.assert(
      fc.asyncProperty(randomWorkbook, async (sheets) => {
        const file = path.join(dir, `hand-${fileCount++}.xlsx`);
        writeFileSync(file, handmadeGridWorkbook(sheets));
        const grids = await readGrids(file);
        grids.forEach((grid, i) => {
          const written = sheets[i].grid;
          const lastValued = written.values.reduce((last, row, r) => (row.some((v) => v !== null) ? r : last), -1);
          const expected = written.values.slice(0, lastValued + 1).map((row) => {
            const out: unknown[] = [];
            row.forEach((v, c) => {
              if (v !== null) out[c] = v;
            });
            return out;
          });
          expect(grid.values).toEqual(expected);
          expect([...grid.hiddenRows].sort((a, b) => a - b)).toEqual([...(written.hiddenRows ?? [])].sort((a, b) => a - b));
          expect((grid.merges ?? []).map((m) => `${A1(m.row, m.col)}:${A1(m.row + m.rows - 1, m.col + m.cols - 1)}`)).toEqual(written.merges);
        });
        expectValidProblems(
          grids,
          sheets.map((s) => s.name),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("ExcelJS-written workbooks never crash the reader or the check", async () => {
    await fc.assert(
      fc.asyncProperty(randomWorkbook, async (sheets) => {
        const workbook = new ExcelJS.Workbook();
        for (const { name, grid } of sheets) {
          const ws = workbook.addWorksheet(name);
          grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
          for (const r of grid.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
          for (const m of grid.merges ?? []) ws.mergeCells(m);
        }
        const file = path.join(dir, `exceljs-${fileCount++}.xlsx`);
        await workbook.xlsx.writeFile(file);
        expectValidProblems(
          await readGrids(file),
          sheets.map((s) => s.name),
        );
      }),
      { numRuns: 40 },
    );
  });
});
