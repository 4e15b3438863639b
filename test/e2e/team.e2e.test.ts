/**
 * The pane's Team section end to end, in Debian's headless Chromium on the fake Excel host (see
 * taskpane.e2e.test.ts for how the page is wired): two assessment sheets are made through the pane
 * and scored in the fake workbook, with one person on both; "Build team view" then adds the team
 * sheets with their data bars and native charts, whose series must point at the tables they chart.
 * The duplicate shows as a problem that selects its cell; axe-core finds nothing serious.
 *
 * Needs `npm run build:dev-manifest` first. The picture of the pane after the build goes to
 * test/e2e/artifacts/taskpane-team.png; docs/taskpane-team.png, the README's, is a copy of it.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { FakeChart } from "../fakes/fake-excel";
import type { Pane } from "./harness";
import { ARTIFACTS, VIEWPORT, cell, describeViolations, fakeScript, messageBar, openPane, origin, paneSuite, ready, rowValues, runAxe, select, serious, setUp, sheetNames, tearDown, typeScores, workbook } from "./harness";

jest.setTimeout(120_000);

const FRAMEWORK = "medway-libraries-2024";
const ROLE = "library-assistant";
const SHEET_B = "Assess Library Assistant (B)";
const SHEET_C = "Assess Library Assistant (C)";
const TEAM_SHEETS = ["Heatmap Library Assistant", "Coverage Library Assistant", "Levels Library Assistant", "Bench Library Assistant"];
const [HEATMAP, COVERAGE, LEVELS] = TEAM_SHEETS;

/** Makes an assessment sheet through the pane, as a user would. */
async function createSheet(page: Page, level: string, names: string[]) {
  await select(page, "Target level").selectOption(level);
  await page.getByLabel("People").fill(names.join("\n"));
  await page.getByRole("button", { name: `Create assessment sheet (${names.length})` }).click();
  await messageBar(page, "Assessment sheet added").waitFor();
}


function charts(page: Page, sheet: string): Promise<FakeChart[]> {
  return page.evaluate((name) => JSON.parse(JSON.stringify((window as any).Excel.state.sheets.find((s: { name: string }) => s.name === name)?.charts ?? [])), sheet);
}

function conditionalFormats(page: Page, sheet: string): Promise<{ address: string; type: string; rule?: Record<string, unknown> }[]> {
  return page.evaluate((name) => JSON.parse(JSON.stringify((window as any).Excel.state.sheets.find((s: { name: string }) => s.name === name)?.conditionalFormats ?? [])), sheet);
}

/** "Levels!B5:B9" -> the sheet, first and last row (1-based) and the column letters. */
function parseQualified(address: string) {
  const m = /^(.+)!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
  if (!m || m[2] !== m[4]) throw new Error(`not a one-column range: ${address}`);
  return { sheet: m[1], col: m[2], first: Number(m[3]), last: Number(m[5]) };
}

paneSuite("the pane's Team section (Chromium, fake Excel host)", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    await setUp();
    pane = await openPane(ready(), origin, fakeScript);
    page = pane.page;
  });
  afterAll(async () => {
    await page?.context().close();
    await tearDown();
  });
  afterEach(() => {
    if (pane) expect(pane.errors).toEqual([]);
  });

  it("says so, and writes nothing, when the workbook has no assessment sheet", async () => {
    await page.getByRole("button", { name: "Build team view" }).click();
    await messageBar(page, "No assessment sheet found").waitFor();
    expect(await sheetNames(page)).toEqual(["Team"]);
  });

  it("builds the team sheets from two scored assessment sheets, one person on both", async () => {
    await select(page, "Framework").selectOption(FRAMEWORK);
    await select(page, "Role").selectOption(ROLE);
    await createSheet(page, "B", ["Ann Lee", "Bo Chan", "=Cy"]);
    await createSheet(page, "C", ["Dee Park", "ann lee"]);
    // Ann meets everything; Bo scores 1 on the first criterion (every Medway criterion is essential); =Cy 2 everywhere (meets).
    await typeScores(page, SHEET_B, (p, c) => (p === 1 && c === 0 ? 1 : p === 2 ? 2 : 3), 3);
    await typeScores(page, SHEET_C, () => 3, 2);

    await page.getByRole("button", { name: "Build team view" }).click();
    await messageBar(page, "Team view built").waitFor();

    expect(await sheetNames(page)).toEqual(["Team", SHEET_B, SHEET_C, ...TEAM_SHEETS]);
    expect((await workbook(page)).active).toBe(HEATMAP);
    // Heatmap: header in row 6, people from row 7, sorted by level gap then name; "ann lee" on the C sheet is left out.
    expect((await rowValues(page, HEATMAP, 6)).slice(0, 6)).toEqual(["Employee", "Level gap", "Attained level", "Target level", "Source", "Sheet"]);
    const people = await Promise.all([7, 8, 9, 10, 11].map(async (r) => (await cell(page, HEATMAP, `A${r}`))?.value ?? null));
    expect(people.filter((p) => p !== null).sort()).toEqual(["=Cy", "Ann Lee", "Bo Chan", "Dee Park"]);
    expect(await cell(page, HEATMAP, "E7")).toMatchObject({ value: "this workbook" });
    const cy = await cell(page, HEATMAP, `A${7 + people.indexOf("=Cy")}`);
    expect(cy).toMatchObject({ value: "=Cy", numberFormat: "@" });
    expect(cy?.formula).toBeUndefined();
  });

  it("fits a 360 px wide pane and saves its picture", async () => {
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName.toLowerCase()).slice(0, 5),
    }));
    expect(overflow).toEqual({ page: VIEWPORT.width, wide: [] });

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "taskpane-team.png");
    // From the Check section down: the Team section, its status and its summary.
    await page.getByRole("heading", { name: "HR Competency", level: 1 }).click();
    const top = await page.getByRole("heading", { name: "Team", exact: true }).evaluate((e) => e.getBoundingClientRect().top + window.scrollY - 16);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top, width: VIEWPORT.width, height: Math.min(height - top, 1200) }, animations: "disabled", caret: "hide" });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it("gives the coverage and levels sheets their data bars", async () => {
    for (const sheet of [COVERAGE, LEVELS]) {
      const bars = (await conditionalFormats(page, sheet)).filter((c) => c.type === "DataBar");
      expect(bars).toEqual([expect.objectContaining({ rule: expect.objectContaining({ "dataBar.lowerBoundRule": { type: "Number", formula: "0" }, "dataBar.upperBoundRule": { type: "Number", formula: "1" } }) })]);
    }
  });

  it("requests the two native charts of the levels sheet, each series over its table's column", async () => {
    const drawn = await charts(page, LEVELS);
    expect(drawn.map((c) => ({ type: c.type, title: c.title, series: c.series.map((s) => s.name) }))).toEqual([
      { type: "ColumnClustered", title: "Attained levels: Library Assistant", series: ["People"] },
      { type: "BarClustered", title: "Essentials met, by level: Library Assistant", series: ["Share meeting"] },
    ]);
    const { tables } = await workbook(page);
    for (const chart of drawn) {
      const [series] = chart.series;
      const values = parseQualified(series.values!);
      const categories = parseQualified(series.categories!);
      expect([values.sheet, categories.sheet]).toEqual([LEVELS, LEVELS]);
      expect([values.first, values.last]).toEqual([categories.first, categories.last]);
      // The rows are a table's whole data body; the categories its first column; the values the column named as the series.
      const table = tables.find((t) => t.sheet === LEVELS && new RegExp(`^A${values.first - 1}:[A-Z]+${values.last}$`).test(t.address));
      expect(table).toBeDefined();
      expect(categories.col).toBe("A");
      expect((await cell(page, LEVELS, `${values.col}${values.first - 1}`))?.value).toBe(series.name);
      expect(chart.position?.start).toMatch(/^[A-Z]+\d+$/);
    }
    // The attained-level chart counts "None" and each level.
    const distribution = parseQualified(drawn[0].series[0].categories!);
    expect((await cell(page, LEVELS, `A${distribution.first}`))?.value).toBe("None");
  });

  it("sums up the team and lists the duplicate, which selects the left-out row's cell", async () => {
    await page.getByRole("heading", { name: "Team view: 4 people, 1 role" }).waitFor();
    await expect(page.locator("section[aria-labelledby='team-summary-heading'] li").allInnerTexts()).resolves.toEqual([expect.stringMatching(/^Library Assistant \(.*\): 4 people, 3 meet every essential criterion/)]);
    const duplicate = page.getByRole("button", { name: `Error ${SHEET_C}!A13:` });
    await expect(duplicate.innerText()).resolves.toContain(`"ann lee" is assessed for ${ROLE}`);
    await duplicate.click();
    await page.waitForFunction((sheet) => (window as any).Excel.state.selection.sheet === sheet, SHEET_C);
    expect((await workbook(page)).selection).toEqual({ sheet: SHEET_C, address: "A13" });
  });

  it("adds new sheets on a second build, showing its progress, and leaves the first ones as they were", async () => {
    const first = await rowValues(page, HEATMAP, 7);
    // Every sync takes 400 ms, as on a slow connection, so that the progress can be seen.
    await page.evaluate(() => {
      const fake = (window as any).Excel;
      const run = fake.run.bind(fake);
      fake.__fastRun = run;
      fake.run = (batch: (context: any) => Promise<unknown>) =>
        run((context: any) => {
          const sync = context.sync.bind(context);
          context.sync = () => new Promise((resolve) => setTimeout(resolve, 400)).then(sync);
          return batch(context);
        });
    });
    try {
      await page.getByRole("button", { name: "Build team view" }).click();
      // The section's own bar, named by its label (the pane's spinner is a progressbar too).
      const bar = page.getByRole("progressbar", { name: `Writing sheet 2 of 4: ${COVERAGE} (2)` });
      await bar.waitFor();
      await expect(bar.getAttribute("aria-valuenow")).resolves.toBe("0.25");
      const violations = await runAxe(page);
      expect(describeViolations(serious(violations))).toBe("");
      await messageBar(page, "Team view built").waitFor({ timeout: 30_000 });
      await expect(page.getByRole("progressbar", { name: /^Writing sheet/ }).count()).resolves.toBe(0);
    } finally {
      await page.evaluate(() => {
        const fake = (window as any).Excel;
        fake.run = fake.__fastRun;
      });
    }
    expect(await sheetNames(page)).toEqual(["Team", SHEET_B, SHEET_C, ...TEAM_SHEETS, ...TEAM_SHEETS.map((s) => `${s} (2)`)]);
    expect(await rowValues(page, HEATMAP, 7)).toEqual(first);
    await page.getByRole("heading", { name: "Team view: 4 people, 1 role" }).waitFor();
  });

  it("has no serious or critical accessibility violations (axe-core) with the team's results on screen", async () => {
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(`axe-core, Team section:\n${describeViolations(violations)}`);
    expect(describeViolations(serious(violations))).toBe("");
  });
});
