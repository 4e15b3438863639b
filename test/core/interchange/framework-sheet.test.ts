import fc from "fast-check";
import { readFrameworkSheet } from "../../../src/core/interchange/framework-sheet-reader";
import { FRAMEWORK_SHEET_MARK, FRAMEWORK_TABLES, isFrameworkSheet, planFrameworkSheet } from "../../../src/core/layout/framework-sheet";
import type { ImportResult } from "../../../src/core/interchange/result";
import { builtInFrameworks, findFramework } from "../../../src/frameworks";
import { frameworkArb, PROPERTY_RUNS } from "./arbitrary";
import { criteriaJson, frameworksJson } from "./cli-views";
import { editable, findRow, planToGrid } from "./sheet-grid";

const mustRead = (result: ImportResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
};
const medway = findFramework("medway-libraries-2024")!;
const medwayGrid = () => editable(planToGrid(planFrameworkSheet(medway), "Framework"));
const criteriaHeader = (grid: ReturnType<typeof medwayGrid>) => findRow(grid, 0, "Role", findRow(grid, 0, "Criteria"));

describe("framework sheet layout", () => {
  it('marks A1 with exactly "Framework sheet", and isFrameworkSheet checks it', () => {
    const grid = medwayGrid();
    expect(FRAMEWORK_SHEET_MARK).toBe("Framework sheet");
    expect(grid.values[0][0]).toBe("Framework sheet");
    expect(isFrameworkSheet(grid)).toBe(true);
    grid.values[0][0] = "Framework";
    expect(isFrameworkSheet(grid)).toBe(false);
    expect(readFrameworkSheet(grid)).toEqual({ ok: false, problems: [{ location: "Framework!A1", message: expect.stringMatching(/not a framework sheet/) }] });
  });

  it("puts metadata labels in column A and one Excel table per part, each under its title", () => {
    const plan = planFrameworkSheet(medway, { criteria: "MedwayCriteria" });
    const grid = planToGrid(plan);
    expect(grid.values.slice(1, 11).map((r) => r[0])).toEqual(["Framework id", "Title", "Publisher", "Source document", "Source date", "Source URL", "Seed file", "Source identifier", "Version", "Default priority"]);
    expect(plan.kind).toBe("framework");
    expect(plan.tables.map((t) => t.name)).toEqual(["FrameworkLevels", "FrameworkScale", "FrameworkRoles", "FrameworkDuties", "FrameworkHeadings", "MedwayCriteria"]);
    for (const table of plan.tables) {
      const title = grid.values[table.range.row - 1][0] as keyof typeof FRAMEWORK_TABLES;
      expect(Object.values(FRAMEWORK_TABLES).map((t) => t.title)).toContain(title);
      expect(grid.values[table.range.row].slice(0, table.range.cols)).toEqual(Object.values(FRAMEWORK_TABLES).find((t) => t.title === (title as string))!.headers);
    }
    const criteria = plan.tables[5].range;
    expect(criteria.rows - 1).toBe(medway.roles.flatMap((r) => r.criteria).length);
  });
});

describe("framework sheet round trips", () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))("%s: sheet -> framework is the same framework", (_id, framework) => {
    const back = mustRead(readFrameworkSheet(planToGrid(planFrameworkSheet(framework))));
    expect(frameworksJson(back.framework)).toEqual(frameworksJson(framework));
    expect(criteriaJson(back.framework)).toEqual(criteriaJson(framework));
    expect(back.framework).toEqual(framework);
  });

  it(`any valid framework -> sheet -> framework is the same framework (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(frameworkArb, (framework) => {
        const back = readFrameworkSheet(planToGrid(planFrameworkSheet(framework)));
        expect(back.ok ? back.framework : back.problems).toEqual(framework);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe("an analyst's edits in Excel", () => {
  it("takes an added criterion row, a changed priority and a renamed level", () => {
    const grid = medwayGrid();
    const header = criteriaHeader(grid);
    const first = header + 1;
    grid.values[first][6] = "desirable";
    const lastRow = grid.values.findIndex((r, i) => i > header && (r.every((v) => v === null) || r.length === 0));
    const newRow = ["library-assistant-casual", "B", null, "Skills", "LAC-B-S99", "Able to run a story time", "essential", null, null, null, null];
    grid.values.splice(lastRow, 0, newRow);
    const levelB = findRow(grid, 0, "B", findRow(grid, 0, "Levels"));
    grid.values[levelB][1] = "Proficient";
    const back = mustRead(readFrameworkSheet(grid)).framework;
    expect(back.levels.map((l) => [l.id, l.name])).toEqual([["A", "Developing"], ["B", "Proficient"], ["C", "Accomplished"]]);
    const role = back.roles.find((r) => r.id === "library-assistant-casual")!;
    expect(role.criteria[0]).toMatchObject({ id: medway.roles[0].criteria[0].id, priority: "desirable" });
    expect(role.criteria.at(-1)).toMatchObject({ id: "LAC-B-S99", level: "B", category: "Skills", text: "Able to run a story time", priority: "essential" });
  });

  it("finds tables that moved, skips blank rows, reads a level by name, and warns about extra columns and unknown labels", () => {
    const grid = medwayGrid();
    const metadataEnd = findRow(grid, 0, "Default priority") + 1;
    grid.values.splice(metadataEnd, 0, ["Reviewer", "Sam"]);
    const title = findRow(grid, 0, "Criteria");
    grid.values.splice(title, 0, [], [null, null]);
    grid.values.splice(title + 4, 0, [null, null, null]);
    const moved = criteriaHeader(grid);
    expect(moved).toBe(title + 3);
    grid.values[moved][12] = "Comments";
    grid.values[moved + 3][12] = "check this one";
    grid.values[moved + 3][1] = "practising";
    const result = mustRead(readFrameworkSheet(grid));
    expect(criteriaJson(result.framework).map((c) => c.id)).toEqual(criteriaJson(medway).map((c) => c.id));
    expect(result.framework.roles[0].criteria[1].level).toBe("B");
    expect(result.warnings).toEqual([
      { location: `Framework!A${metadataEnd + 1}`, message: expect.stringMatching(/"Reviewer" is not a framework field/) },
      { location: `Framework!M${moved + 1}`, message: expect.stringMatching(/Column "Comments" is not part of the Criteria table/) },
    ]);
  });

  it("reports every problem at its cell: unknown role and level, bad priority, empty text, duplicate id, no meets score", () => {
    const grid = medwayGrid();
    const header = criteriaHeader(grid);
    const row = header + 1;
    grid.values[row][0] = "no-such-role";
    grid.values[row + 1][1] = "Z";
    grid.values[row + 2][6] = "vital";
    grid.values[row + 3][5] = "   ";
    grid.values[row + 4][4] = grid.values[row + 5][4];
    const meetsRow = findRow(grid, 2, "yes", findRow(grid, 0, "Scale"));
    grid.values[meetsRow][2] = null;
    const scaleHeader = findRow(grid, 0, "Score");
    const result = readFrameworkSheet(grid);
    expect(result.ok ? [] : result.problems).toEqual([
      { location: `Framework!C${scaleHeader + 1}`, message: expect.stringMatching(/No score is marked in the Meets column/) },
      { location: `Framework!A${row + 1}`, message: expect.stringMatching(/Role "no-such-role" is not in the Roles table/) },
      { location: `Framework!G${row + 3}`, message: expect.stringMatching(/Priority "vital"/) },
      { location: `Framework!E${row + 2}`, message: expect.stringMatching(/level "Z"/) },
      { location: `Framework!E${row + 4}`, message: expect.stringMatching(/has no text/) },
      { location: `Framework!E${row + 6}`, message: expect.stringMatching(/is used again/) },
    ]);
  });

  it("a sheet without a Criteria table, or without the ID column, says which and where", () => {
    const grid = medwayGrid();
    const header = criteriaHeader(grid);
    grid.values[header][4] = "Identifier";
    const result = readFrameworkSheet(grid);
    expect(result.ok ? [] : result.problems).toEqual([{ location: `Framework!A${header + 1}`, message: "The Criteria table has no ID column; put the header back." }]);
    grid.values[header - 1][0] = "Requirements";
    const without = readFrameworkSheet(grid);
    expect(without.ok ? [] : without.problems).toContainEqual({ location: "Framework!A1", message: expect.stringMatching(/no "Criteria" table/) });
  });
});
