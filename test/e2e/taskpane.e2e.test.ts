/**
 * End-to-end test of the built task pane (dist/) in Debian's headless Chromium, driven by
 * playwright-core.
 *
 * How the page is wired:
 * - dist/ is served by a small node:http server on 127.0.0.1 (random port).
 * - taskpane.html loads office.js from Microsoft's CDN; every request under that CDN folder is
 *   answered with the file of the same name from @microsoft/office-js/dist (office.js needs
 *   o15apptofilemappingtable.js beside it, or Office.onReady never resolves). Any other request
 *   that is not for localhost is aborted and logged.
 * - Outside Office, Office.onReady gives no Excel host, so the pane uses a global `Excel` with a
 *   `run` function. An init script (it runs before any of the page's scripts) installs the
 *   in-memory fake from test/fakes/fake-excel.ts, transpiled, as that global. It is installed as
 *   an accessor property whose setter ignores (and records) writes, so office.js, or anything
 *   else, cannot replace it; office.js 1.1.110 does not try, and the test checks that the pane
 *   used the fake.
 * - Office gives a theme only inside Office. The dark run simulates the host: the office.js it
 *   serves ends with one extra `Office.onReady` callback that puts `officeTheme` on
 *   `Office.context`. office.js runs that callback before the pane's own (registration order),
 *   so the pane sees a dark Office theme exactly as it would in Excel.
 *
 * Needs `npm run build` first. Artifacts (screenshots) go to test/e2e/artifacts/ (gitignored);
 * docs/taskpane.png, the README's picture, is a copy of the light one made by hand.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { themeFor } from "../../src/taskpane/theme";
import type { Pane } from "./harness";
import { ARTIFACTS, DARK_OFFICE_THEME, VIEWPORT, annBoCy, cell, colors, describeViolations, fakeScript, messageBar, openPane, origin, paneSuite, ready, rgb, rowValues, runAxe, select, serious, setUp, sheetNames, tearDown, typeScores, workbook } from "./harness";

jest.setTimeout(120_000);

const FRAMEWORK = "medway-libraries-2024";
const FRAMEWORK_TITLE = "Libraries & Community Hubs Career progression framework";
const ROLE = "Library Assistant";
const CRITERIA_SHEET = "Library Assistant";
const ASSESS_SHEET = "Assess Library Assistant (B)";
const REPORT_SHEET = "Check results";


// ---------------------------------------------------------------------------------------------

paneSuite("task pane end to end (Chromium, fake Excel host)", () => {
  beforeAll(setUp);
  afterAll(tearDown);

  describe("light theme, the whole flow", () => {
    let pane: Pane;
    let page: Page;
    let invalidCell = "";

    beforeAll(async () => {
      pane = await openPane(ready(), origin, fakeScript);
      page = pane.page;
    });
    afterAll(async () => {
      await page?.context().close();
    });
    afterEach(() => {
      if (pane) expect(pane.errors).toEqual([]);
    });

    it("opens the pane on the fake Excel host, in Fluent's light theme", async () => {
      await expect(page.getByText("Open this in Excel").count()).resolves.toBe(0);
      await expect(select(page, "Framework").isEnabled()).resolves.toBe(true);
      await expect(page.getByRole("button", { name: "Insert criteria sheet" }).isEnabled()).resolves.toBe(true);
      const same = await page.evaluate(() => ({ fake: (window as any).Excel === (window as any).__fakeExcel, overwrites: (window as any).__excelOverwrites as string[] }));
      expect(same).toEqual({ fake: true, overwrites: [] });
      const light = themeFor(undefined);
      await expect(colors(page)).resolves.toEqual({ body: rgb(light.colorNeutralBackground1), main: rgb(light.colorNeutralBackground1), text: rgb(light.colorNeutralForeground1) });
      if (pane.blocked.length > 0) console.log(`Requests blocked (left localhost): ${pane.blocked.join(", ")}`);
    });

    it("inserts the criteria sheet of the chosen framework, role and level", async () => {
      await select(page, "Framework").selectOption(FRAMEWORK);
      const roleValue = await select(page, "Role").locator("option", { hasText: new RegExp(`^${ROLE},`) }).getAttribute("value");
      await select(page, "Role").selectOption(roleValue!);
      await select(page, "Target level").selectOption("B");
      await expect(select(page, "Role").inputValue()).resolves.toBe("library-assistant");

      await page.getByRole("button", { name: "Insert criteria sheet" }).click();
      await messageBar(page, "Criteria sheet added").waitFor();

      expect(await sheetNames(page)).toEqual(["Team", CRITERIA_SHEET]);
      expect((await cell(page, CRITERIA_SHEET, "A1"))?.value).toBe(FRAMEWORK_TITLE);
      const { tables } = await workbook(page);
      const table = tables.find((t) => t.sheet === CRITERIA_SHEET);
      expect(table).toBeDefined();
      const headerRow = Number(/^A(\d+):/.exec(table!.address)?.[1]);
      expect(await rowValues(page, CRITERIA_SHEET, headerRow)).toEqual(["ID", "Level", "Category", "Criterion", "Priority"]);
    });

    it("takes the people from the selected cells and creates the assessment sheet", async () => {
      await page.getByRole("button", { name: "Use selected cells" }).click();
      await messageBar(page, "Names taken from the selection").waitFor();
      await expect(page.getByLabel("People").inputValue()).resolves.toBe("Ann Lee\nBo Chan\n=Cy");

      await page.getByRole("button", { name: "Create assessment sheet (3)" }).click();
      await messageBar(page, "Assessment sheet added").waitFor();

      expect(await sheetNames(page)).toContain(ASSESS_SHEET);
      expect(await cell(page, ASSESS_SHEET, "A12")).toMatchObject({ value: "Ann Lee" });
      const cy = await cell(page, ASSESS_SHEET, "A14");
      expect(cy).toMatchObject({ value: "=Cy", numberFormat: "@" });
      expect(cy?.formula).toBeUndefined();
      expect((await cell(page, ASSESS_SHEET, "B1"))?.value).toBe(FRAMEWORK);
      const { tables, validations } = await workbook(page);
      expect(tables.filter((t) => t.sheet === ASSESS_SHEET).map((t) => t.address)).toEqual([expect.stringMatching(/^A11:[A-Z]+14$/)]);
      expect(validations[ASSESS_SHEET]).toEqual([{ address: expect.stringMatching(/^B12:[A-Z]+14$/), rule: { wholeNumber: expect.objectContaining({ operator: "Between" }) } }]);
    });

    it("checks the scores typed in the sheet and selects a problem's cell", async () => {
      const ids = await typeScores(page, ASSESS_SHEET, annBoCy, 3);
      const typed = { ids, invalidCell: "C14", unmetId: ids[0] };
      invalidCell = typed.invalidCell;
      await page.getByRole("button", { name: "Check assessment sheets" }).click();
      await messageBar(page, "Check complete").waitFor();

      await page.getByRole("heading", { name: "People: 1 of 3 meet every essential criterion" }).waitFor();
      const people = page.locator("section[aria-labelledby='people-heading'] li");
      await expect(people.allInnerTexts()).resolves.toEqual([
        expect.stringMatching(/^Pass\s+Ann Lee: attained B/),
        expect.stringMatching(new RegExp(`^Fail\\s+Bo Chan: .*unmet ${typed.unmetId}`)),
        expect.stringMatching(/^Fail\s+=Cy: .*1 missing/),
      ]);

      const problem = page.getByRole("button", { name: `${ASSESS_SHEET}!${invalidCell}:` });
      await expect(problem.count()).resolves.toBe(1);
      await expect(problem.innerText()).resolves.toMatch(/^Error /);
      await problem.click();
      await page.waitForFunction(([sheet, address]) => {
        const s = (window as any).Excel.state.selection;
        return s.sheet === sheet && s.address === address;
      }, [ASSESS_SHEET, invalidCell] as const);
      const { selection, active } = await workbook(page);
      expect(selection).toEqual({ sheet: ASSESS_SHEET, address: invalidCell });
      expect(active).toBe(ASSESS_SHEET);
    });

    it("writes the report sheet", async () => {
      await page.getByRole("button", { name: "Write report sheet" }).click();
      await messageBar(page, "Report written").waitFor();
      expect(await sheetNames(page)).toContain(REPORT_SHEET);
      expect((await cell(page, REPORT_SHEET, "A1"))?.value).toBe(REPORT_SHEET);
    });

    it("works from the keyboard: Tab reaches the controls, Enter and Space press buttons", async () => {
      const focusedText = () => page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return e ? `${e.tagName.toLowerCase()}:${(e.getAttribute("aria-label") ?? e.innerText ?? "").trim().slice(0, 60)}` : "";
      });
      // Start at the top: a click on the heading moves the sequential focus starting point there.
      await page.getByRole("heading", { name: "HR Competency", level: 1 }).click();
      await page.keyboard.press("Tab");
      await expect(select(page, "Framework").evaluate((e) => e === document.activeElement)).resolves.toBe(true);

      const path: string[] = [];
      for (let i = 0; i < 20 && !(await focusedText()).startsWith("button:Check assessment sheets"); i++) {
        await page.keyboard.press("Tab");
        path.push(await focusedText());
      }
      expect(path[path.length - 1]).toBe("button:Check assessment sheets");

      let runs = (await workbook(page)).runs;
      await page.keyboard.press("Enter");
      await messageBar(page, "Check complete").waitFor();
      expect((await workbook(page)).runs).toBeGreaterThan(runs);

      await page.keyboard.press("Tab");
      await expect(focusedText()).resolves.toBe("button:Write report sheet");
      runs = (await workbook(page)).runs;
      await page.keyboard.press("Space");
      await messageBar(page, "Report written").waitFor();
      expect((await workbook(page)).runs).toBeGreaterThan(runs);
      expect((await sheetNames(page)).filter((n) => n === REPORT_SHEET)).toHaveLength(1);
      await page.getByRole("heading", { name: "People: 1 of 3 meet every essential criterion" }).waitFor();
    });

    it("saves a screenshot of the pane with the check's results", async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, "taskpane.png");
      // No focus ring in the picture: a click on the heading leaves the focus on the page itself.
      await page.getByRole("heading", { name: "HR Competency", level: 1 }).click();
      await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    });

    // A Fluent Field is a CSS grid: without min-width 0 a Select grows to its longest option.
    it("fits a 360 px wide pane without scrolling sideways", async () => {
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute("class") ?? "").split(" ")[0]}`).slice(0, 5),
      }));
      expect(overflow).toEqual({ page: VIEWPORT.width, wide: [] });
    });

    it("has no serious or critical accessibility violations (axe-core) with the results on screen", async () => {
      const violations = await runAxe(page);
      if (violations.length > 0) console.log(`axe-core, light theme:\n${describeViolations(violations)}`);
      expect(describeViolations(serious(violations))).toBe("");
    });
  });

  describe("dark theme, as Excel's dark Office theme gives it", () => {
    it("follows Office's theme and stays accessible", async () => {
      const pane = await openPane(ready(), origin, fakeScript, DARK_OFFICE_THEME);
      const page = pane.page;
      try {
        const dark = themeFor(DARK_OFFICE_THEME.bodyBackgroundColor);
        await expect(colors(page)).resolves.toEqual({ body: rgb(dark.colorNeutralBackground1), main: rgb(dark.colorNeutralBackground1), text: rgb(dark.colorNeutralForeground1) });

        await select(page, "Framework").selectOption(FRAMEWORK);
        await select(page, "Role").selectOption("library-assistant");
        await select(page, "Target level").selectOption("B");
        await page.getByLabel("People").fill("Ann Lee\nBo Chan\n=Cy");
        await page.getByRole("button", { name: "Create assessment sheet (3)" }).click();
        await messageBar(page, "Assessment sheet added").waitFor();
        await typeScores(page, ASSESS_SHEET, annBoCy, 3);
        await page.getByRole("button", { name: "Check assessment sheets" }).click();
        await page.getByRole("heading", { name: "People: 1 of 3 meet every essential criterion" }).waitFor();

        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-dark.png"), fullPage: true, animations: "disabled", caret: "hide" });
        const violations = await runAxe(page);
        if (violations.length > 0) console.log(`axe-core, dark theme:\n${describeViolations(violations)}`);
        expect(describeViolations(serious(violations))).toBe("");
        expect(pane.errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  });
});
