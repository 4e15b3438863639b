import path from "node:path";
import type { Person } from "../../src/core/layout/assessment-sheet";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import type { SheetPlan } from "../../src/core/layout/plan";
import { levelIndex } from "../../src/core/model";
import { applyPlanInExcel } from "../../src/excel/apply";
import { createWorkbookFile } from "../../src/xlsx/workbook";
import type { FakeExcel } from "../fakes/fake-excel";
import { createFakeExcel } from "../fakes/fake-excel";
import { runCli } from "../helpers/cli";
import { builtIn, STOCKPORT_SHEET, stockportPerson, tempDir } from "../helpers/workbooks";
import { invocation } from "../helpers/custom-functions";


type Functions = typeof import("../../src/functions/functions");
let fns: Functions;
let excel: FakeExcel;
let teamJson: { groups: { framework: string; role: string; coverage: { criterion: string; share: number | null; assessed: number; met: number }[]; essentials: { level: string; share: number | null; assessed: number; met: number }[] }[] };

const medway = builtIn("medway-libraries-2024", "library-assistant");
const ROLE = "medway-libraries-2024/library-assistant";

/**
 * Scores spread over the whole scale, with blanks and a word (invalid) among them, so some
 * criteria are met by some and not others. Each person's list follows the role's criteria order.
 */
function medwayPerson(name: string, seed: number, upTo: string): Person {
  const top = levelIndex(medway.framework, upTo);
  const criteria = medway.role.criteria.filter((c) => levelIndex(medway.framework, c.level) <= top);
  return { name, scores: Object.fromEntries(criteria.map((c, j) => [c.id, (seed * 5 + j * 3) % 7 === 6 ? null : (seed * 5 + j * 3) % 7 === 5 ? "x" : ((seed * 5 + j * 3) % 7) % 5])) };
}

/** Someone who meets every criterion up to the level but the ones named, scored 1. */
function strongPerson(name: string, upTo: string, failing: string[] = []): Person {
  const top = levelIndex(medway.framework, upTo);
  const criteria = medway.role.criteria.filter((c) => levelIndex(medway.framework, c.level) <= top);
  return { name, scores: Object.fromEntries(criteria.map((c) => [c.id, failing.includes(c.id) ? 1 : 3])) };
}
const firstAt = (level: string) => medway.role.criteria.find((c) => c.level === level)!.id;

// Two sheets for the role (targets B and C) and Ann in both: the first row read (sheet B) counts.
const sheetB = [...["Ann", "Bea", "Cal", "Dee", "Eli"].map((n, i) => medwayPerson(n, i, "B")), strongPerson("Max", "B"), strongPerson("Ned", "B", [firstAt("B")])];
const sheetC = [...["Fay", "Gus", "Hal", "Ivy", "Ann"].map((n, i) => medwayPerson(n, i + 7, "C")), strongPerson("Ola", "C"), strongPerson("Pat", "C", [firstAt("C")]), strongPerson("Quin", "C", [firstAt("A")])];
const plans: SheetPlan[] = [
  planAssessmentSheet(medway.framework, medway.role, medway.framework.levels[1], sheetB, "Assess_B"),
  planAssessmentSheet(medway.framework, medway.role, medway.framework.levels[2], sheetC, "Assess_C"),
  (() => {
    const s = builtIn("stockport-library-assistant", "library-assistant");
    return planAssessmentSheet(s.framework, s.role, s.level, [stockportPerson("Jo"), stockportPerson("Kim", { "SLA-03": 0 })], "Assess_S");
  })(),
];

/** Everyone counted once: the first row of a name wins, as in the team view. */
const counted: { target: number; scores: NonNullable<Person["scores"]> }[] = [
  ...sheetB.map((p) => ({ target: 2, scores: p.scores! })),
  ...sheetC.filter((p) => p.name !== "Ann").map((p) => ({ target: 3, scores: p.scores! })),
];
const meets = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= medway.framework.scale.meets && v <= medway.framework.scale.max;
const valid = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= medway.framework.scale.min && v <= medway.framework.scale.max;

/** The figures counted here, from the scores written, without the engine. */
function countCriterion(id: string) {
  const criterion = medway.role.criteria.find((c) => c.id === id)!;
  const inScope = counted.filter((p) => p.target >= levelIndex(medway.framework, criterion.level));
  return { assessed: inScope.filter((p) => valid(p.scores[id])).length, met: inScope.filter((p) => meets(p.scores[id])).length };
}
function countEssentials(level: number) {
  const essentials = medway.role.criteria.filter((c) => c.priority !== "desirable" && levelIndex(medway.framework, c.level) <= level);
  const inScope = counted.filter((p) => p.target >= level);
  return { assessed: inScope.length, met: inScope.filter((p) => essentials.every((c) => meets(p.scores[c.id]))).length };
}


/** HR.COVERAGE's first answer, as Excel would show it. */
async function coverage(role: string, criterion?: unknown, level?: unknown): Promise<unknown> {
  const call = invocation<number>();
  fns.coverage(role, criterion as string, level as string, call.inv);
  await fns.live.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  call.cancel();
  return call.results[call.results.length - 1];
}

beforeAll(async () => {
  const dir = tempDir("hr-coverage-");
  const file = path.join(dir, "team-sheets.xlsx");
  await createWorkbookFile(file, plans);
  const run = await runCli("collect", file, "--out", path.join(dir, "team.xlsx"), "--json");
  expect(run.stderr).toBe("");
  teamJson = JSON.parse(run.stdout);

  excel = createFakeExcel();
  for (const plan of plans) await excel.run((context) => applyPlanInExcel(context, plan));
  Object.assign(globalThis, { Excel: excel });
  fns = await import("../../src/functions/functions");
});

describe("HR.COVERAGE against collect --json on the same sheets", () => {
  const group = () => teamJson.groups.find((g) => g.framework === medway.framework.id)!;

  it("collect's figures are the ones counted from the scores written", () => {
    expect(group().coverage.map((c) => [c.criterion, c.assessed, c.met])).toEqual(medway.role.criteria.map((c) => [c.id, countCriterion(c.id).assessed, countCriterion(c.id).met]));
    expect(group().essentials.map((e) => [e.level, e.assessed, e.met])).toEqual(medway.framework.levels.map((l, i) => [l.id, countEssentials(i + 1).assessed, countEssentials(i + 1).met]));
    // The scores are varied enough to say something: some criteria met by all, some by none, some in between.
    const shares = new Set(group().coverage.map((c) => c.share));
    expect(shares.size).toBeGreaterThan(3);
    expect(new Set(group().essentials.map((e) => e.share)).size).toBe(3);
  });

  it("every criterion of the role: the same share, or #N/A where no one has a valid score", async () => {
    for (const c of group().coverage) {
      const answer = await coverage(ROLE, c.criterion);
      if (c.share === null) expect(answer).toMatchObject({ code: "#N/A", message: expect.stringContaining("No one assessed yet") });
      else expect([c.criterion, answer]).toEqual([c.criterion, c.share]);
    }
  });

  it("every level of the role, by id and by name: the share meeting every essential up to it", async () => {
    for (const e of group().essentials) {
      const level = medway.framework.levels.find((l) => l.id === e.level)!;
      expect([e.level, await coverage(ROLE, "", e.level)]).toEqual([e.level, e.share]);
      expect([level.name, await coverage(ROLE, null, level.name)]).toEqual([level.name, e.share]);
    }
    // No level: the highest target level of the role's sheets (C).
    expect(await coverage(ROLE)).toBe(group().essentials.find((e) => e.level === "C")!.share);
  });

  it("names the role by title and the criterion in any case", async () => {
    const first = group().coverage.find((c) => c.share !== null)!;
    expect(await coverage("medway-libraries-2024/Library Assistant", first.criterion.toLowerCase())).toBe(first.share);
  });
});

describe("HR.COVERAGE errors", () => {
  it("#N/A naming an unknown role, criterion or level and what there is", async () => {
    expect(await coverage("Astronaut")).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Unknown role "Astronaut".*library-assistant \(medway-libraries-2024\)/) });
    expect(await coverage(ROLE, "ZZ-01")).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Unknown criterion "ZZ-01".*LA-A-/) });
    expect(await coverage(ROLE, "", "Z")).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Unknown level "Z".*A \(Developing\)/) });
  });

  it("#N/A 'no one assessed yet' for a known role without an assessment sheet", async () => {
    expect(await coverage("medway-libraries-2024/library-manager")).toMatchObject({ code: "#N/A", message: expect.stringContaining('No one assessed yet for "medway-libraries-2024/library-manager"') });
  });

  it("#VALUE! for bad arguments: no role, TRUE as a criterion, a criterion and a level together, a role in two frameworks", async () => {
    expect(await coverage("")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("role is empty") });
    expect(await coverage(ROLE, true)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("criterion must be text") });
    expect(await coverage(ROLE, "LA-A-K01", "B")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("not both") });
    expect(await coverage("library-assistant")).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/medway-libraries-2024 and stockport-library-assistant.*framework\/role/) });
  });
});

describe("HR.COVERAGE is live", () => {
  it("pushes a new share when a score changes, and nothing once cancelled", async () => {
    const sheet = excel.state.sheets.find((s) => s.name === STOCKPORT_SHEET)!;
    const call = invocation<number>();
    fns.coverage("stockport-library-assistant/library-assistant", "SLA-03", undefined as never, call.inv);
    await fns.live.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(call.results).toEqual([0.5]);
    // Kim's SLA-03 (row 13; SLA-01 is column B) from 0 to 3.
    sheet.cells.set("12,3", { value: 3 });
    await excel.fireChange(sheet.name, "D13");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await fns.live.flush();
    expect(call.results).toEqual([0.5, 1]);
    call.cancel();
    sheet.cells.set("12,3", { value: 0 });
    await excel.fireChange(sheet.name, "D13");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await fns.live.flush();
    expect(call.results).toEqual([0.5, 1]);
  });
});
