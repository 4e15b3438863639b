import fc from "fast-check";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { catalogOf } from "../../src/core/catalog";
import { checkWorkbook } from "../../src/core/check";
import { PROBE_ROWS } from "../../src/core/probe";
import { ASSESSMENT_LABELS, COMPUTED_HEADERS } from "../../src/core/layout/assessment-sheet";
import { builtInFrameworks } from "../../src/frameworks";
import { checkFile } from "../../src/xlsx/check-file";
import { readGrids } from "../../src/xlsx/read";
import { builtIn, tempDir } from "../helpers/workbooks";
import type { HandmadeGrid, HandmadeValue } from "./handmade";
import { gridXml, handmadeGridWorkbook, handmadeXlsx } from "./handmade";

/**
 * The file check streams an assessment sheet's rows past its top PROBE_ROWS and applies merges
 * when the rows are done; it must find exactly what the check of the same sheets held whole finds.
 */
jest.setTimeout(120_000);
const dir = tempDir("hr-check-stream-");
const catalog = catalogOf(builtInFrameworks());
const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
let fileCount = 0;

const score: fc.Arbitrary<HandmadeValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: framework.scale.min, max: framework.scale.max }) },
  { weight: 2, arbitrary: fc.constant(null) },
  fc.constantFrom(-1, 2.5, "3", "three", true, { error: "#N/A" }),
);
const name: fc.Arbitrary<HandmadeValue> = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("Ann", "Bo", "Cy", "Di", "Ed", " ann ") }, fc.constantFrom(null, false, { error: "#REF!" }));

/**
 * An assessment sheet whose table crosses row PROBE_ROWS: people (some rows blank, named twice or
 * without a name) with scores, formulas and merges over score cells above and below that row,
 * hidden rows, and sometimes its last two rows written out of order.
 */
const streamedSheet = fc
  .record({
    headerRow: fc.integer({ min: 3, max: PROBE_ROWS - 1 }),
    columns: fc.shuffledSubarray([...role.criteria.map((c) => c.id), "XYZ-01", COMPUTED_HEADERS[2]], { minLength: 1 }),
    people: fc.array(fc.record({ gap: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 120 })), name, scores: fc.array(score, { maxLength: 16 }) }), { minLength: 1, maxLength: 10 }),
    last: fc.record({ name, scores: fc.array(score, { maxLength: 16 }) }),
    lastRowsSwapped: fc.boolean(),
  })
  .chain(({ headerRow, columns, people, last, lastRowsSwapped }) => {
    const values: HandmadeValue[][] = [[ASSESSMENT_LABELS.framework, framework.id], [ASSESSMENT_LABELS.role, role.id], [ASSESSMENT_LABELS.target, level.id]];
    values[headerRow] = [ASSESSMENT_LABELS.employee, ...columns];
    let row = headerRow;
    for (const person of people) {
      row += 1 + person.gap;
      values[row] = [person.name, ...person.scores.slice(0, columns.length)];
    }
    // The last person is always below the top rows, so the table is streamed.
    values[Math.max(row + 1, PROBE_ROWS + 1)] = [last.name, ...last.scores.slice(0, columns.length)];
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    // A long note on every row (inline, so it is in the sheet's XML) makes the rows span many
    // inflated chunks: the top is read in the first ones and the rest is streamed.
    const notesColumn = columns.length + 1;
    values[headerRow][notesColumn] = "Notes";
    for (let r = headerRow + 1; r < values.length; r++) values[r][notesColumn] = `Note for row ${r + 1}: ${"x".repeat(500)}`;
    const rows = values.length;
    const cell = fc.tuple(fc.integer({ min: headerRow + 1, max: rows - 1 }), fc.integer({ min: 1, max: columns.length }));
    const rect = fc.record({ row: fc.integer({ min: headerRow + 1, max: rows - 1 }), col: fc.nat(columns.length), rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) }).filter((m) => m.rows * m.cols > 1);
    return fc.record({
      merges: fc.array(rect, { maxLength: 4 }).map((rects) => rects.filter((m, i) => rects.slice(0, i).every((o) => m.row + m.rows <= o.row || o.row + o.rows <= m.row || m.col + m.cols <= o.col || o.col + o.cols <= m.col))),
      hiddenRows: fc.uniqueArray(fc.integer({ min: headerRow + 1, max: rows - 1 }), { maxLength: 4 }),
      formulaCells: fc.uniqueArray(cell, { maxLength: 4, selector: ([r, c]) => `${r},${c}` }),
    }).map(({ merges, hiddenRows, formulaCells }): HandmadeGrid => {
      const A1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
      return {
        values,
        hiddenRows,
        merges: merges.map((m) => `${A1(m.row, m.col)}:${A1(m.row + m.rows - 1, m.col + m.cols - 1)}`),
        formulas: Object.fromEntries(formulaCells.map(([r, c]) => [`${r},${c}`, `1+${c}`])),
        lastRowsSwapped,
        inlineStrings: true,
      };
    });
  });

describe("the streaming file check", () => {
  it("finds exactly what the check of the whole sheets finds", async () => {
    await fc.assert(
      fc.asyncProperty(streamedSheet, fc.boolean(), async (grid, otherFirst) => {
        const other = { name: "Notes", grid: { values: [["Notes"], ["anything"]] } };
        const sheets = otherFirst ? [other, { name: "Team", grid }] : [{ name: "Team", grid }, other];
        const file = path.join(dir, `stream-${fileCount++}.xlsx`);
        writeFileSync(file, handmadeGridWorkbook(sheets));
        const streamed = await checkFile(file, catalog);
        expect(streamed.assessmentSheets).toEqual(["Team"]);
        expect(streamed).toEqual(checkWorkbook(await readGrids(file), catalog));
      }),
      { numRuns: 80 },
    );
  });

  it("reads another sheet no further than its top rows", async () => {
    const assessment: HandmadeGrid = { values: [[ASSESSMENT_LABELS.framework, framework.id], [ASSESSMENT_LABELS.role, role.id], [ASSESSMENT_LABELS.target, level.id], [ASSESSMENT_LABELS.employee, ...role.criteria.map((c) => c.id)], ["Ann", ...role.criteria.map(() => framework.scale.max)]] };
    const extract = Array.from({ length: 5_000 }, (_, r) => [`Employee ${r + 1}`, r, "HRIS"]);
    // The extract's XML breaks off after its rows: reading it whole fails.
    const broken = gridXml({ values: extract, inlineStrings: true }, []).replace("</sheetData>", "<row r=\"5001\"><c r=\"A5001\"><v>1</v></c>");
    const file = path.join(dir, "big-extract.xlsx");
    writeFileSync(file, handmadeXlsx([{ name: "Team", xml: gridXml({ ...assessment, inlineStrings: true }, []) }, { name: "HRIS", xml: broken }], { sharedStrings: [] }));
    await expect(readGrids(file)).rejects.toThrow(/not well-formed XML/);
    const result = await checkFile(file, catalog);
    expect(result.people.map((p) => [p.employee, p.essentialsMet])).toEqual([["Ann", true]]);
  });
});
