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
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import ts from "typescript";
import { themeFor } from "../../src/taskpane/theme";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const FAKE_EXCEL = path.join(ROOT, "test/fakes/fake-excel.ts");
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const ARTIFACTS = path.join(__dirname, "artifacts");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** A task pane's width in Excel (it is about 350 px wide by default). */
const VIEWPORT = { width: 360, height: 900 };

const FRAMEWORK = "medway-libraries-2024";
const FRAMEWORK_TITLE = "Libraries & Community Hubs Career progression framework";
const ROLE = "Library Assistant";
const CRITERIA_SHEET = "Library Assistant";
const ASSESS_SHEET = "Assess Library Assistant (B)";
const REPORT_SHEET = "Check results";

/** Office's theme for Excel's dark mode, as Office.context.officeTheme gives it. */
const DARK_OFFICE_THEME = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3b3b3b", controlForegroundColor: "#ffffff" };

// ---------------------------------------------------------------------------------------------
// Harness: static server, fake Excel in the page, office.js from the local package.

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under `root` that a URL path names, or undefined (never a file outside `root`). */
function fileUnder(root: string, urlPath: string): string | undefined {
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  } catch {
    return undefined;
  }
  if (!file.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function serveDirectory(root: string): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const file = fileUnder(root, new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/**
 * The init script: the fake Excel host with a "Team" sheet whose names A2:A4 are selected.
 * `window.__fake` is the fake module (createFakeWorkbook, cellOf, ...).
 */
function fakeExcelScript(): string {
  const js = ts.transpileModule(fs.readFileSync(FAKE_EXCEL, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
  var exports = {};
  var module = { exports: exports };
  ${js}
  window.__fake = exports;
  var wb = exports.createFakeWorkbook();
  exports.addFakeSheet(wb, "Team", [["Name"], ["Ann Lee"], ["Bo Chan"], ["=Cy"]]);
  wb.selection = { sheet: "Team", address: "A2:A4" };
  var fake = exports.createFakeExcel(wb);
  window.__fakeExcel = fake;
  window.__excelOverwrites = [];
  Object.defineProperty(window, "Excel", {
    configurable: true,
    enumerable: true,
    get: function () { return fake; },
    set: function (v) { window.__excelOverwrites.push(String(v && Object.keys(v).slice(0, 5))); },
  });
})();`;
}

/** Appended to office.js in the dark run: the host's theme, installed before the pane's onReady runs. */
function officeThemeHook(theme: object): string {
  return `\n;Office.onReady(function () { Object.defineProperty(Office.context, "officeTheme", { configurable: true, value: ${JSON.stringify(theme)} }); });\n`;
}

interface Pane {
  page: Page;
  /** Requests that were aborted because they left localhost. */
  blocked: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

async function openPane(browser: Browser, origin: string, fakeScript: string, officeTheme?: object): Promise<Pane> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light", reducedMotion: "reduce" });
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost")) return route.continue();
    if (url.href.startsWith(OFFICE_CDN)) {
      const file = fileUnder(OFFICE_DIST, url.pathname.slice(new URL(OFFICE_CDN).pathname.length - 1));
      if (file) {
        const contentType = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
        if (officeTheme && path.basename(file) === "office.js") return route.fulfill({ contentType, body: fs.readFileSync(file, "utf8") + officeThemeHook(officeTheme) });
        return route.fulfill({ contentType, path: file });
      }
    }
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  await page.addInitScript({ content: fakeScript });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("heading", { name: "HR Competency", level: 1 }).waitFor({ timeout: 30_000 });
  return { page, blocked, errors };
}

// ---------------------------------------------------------------------------------------------
// Reading and driving the fake workbook from the test.

interface CellView {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
}

function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).Excel.state.sheets.map((s: { name: string }) => s.name));
}

function cell(page: Page, sheet: string, address: string): Promise<CellView | null> {
  return page.evaluate(
    ([name, a]) => {
      const w = window as any;
      const s = w.Excel.state.sheets.find((x: { name: string }) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      const c = w.__fake.cellOf(s, a);
      return c ? { ...c } : null;
    },
    [sheet, address] as const,
  );
}

function workbook(page: Page) {
  return page.evaluate(() => {
    const state = (window as any).Excel.state;
    return {
      tables: state.tables.map((t: any) => ({ name: t.name, sheet: t.sheet, address: t.address })) as { name: string; sheet: string; address: string }[],
      selection: { ...state.selection } as { sheet: string; address: string },
      active: state.active as string | undefined,
      runs: state.runs as number,
      validations: Object.fromEntries(state.sheets.map((s: any) => [s.name, s.validations.map((v: any) => ({ address: v.address, rule: v.rule }))])) as Record<string, { address: string; rule: unknown }[]>,
    };
  });
}

/** Values of one row of a sheet, columns A.., as far as the last non-empty cell (at most 200). */
function rowValues(page: Page, sheet: string, row: number): Promise<(string | number | boolean | null)[]> {
  return page.evaluate(
    ([name, r]) => {
      const w = window as any;
      const s = w.Excel.state.sheets.find((x: { name: string }) => x.name === name);
      const col = (n: number) => {
        let out = "";
        for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
        return out;
      };
      const values = Array.from({ length: 200 }, (_, c) => w.__fake.cellOf(s, `${col(c)}${r}`)?.value ?? null);
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      return values;
    },
    [sheet, row] as const,
  );
}

/**
 * Types scores into the assessment sheet as a user would, through the fake's own Excel.run:
 * criterion ids are in row 11 from column B up to "Essentials met"; people from row 12.
 * Ann Lee scores 3 everywhere; Bo Chan 1 on the first criterion (every Medway criterion is
 * essential); =Cy "x" on the second. Returns the criterion ids and the invalid score's cell.
 */
function typeScores(page: Page, sheet: string): Promise<{ ids: string[]; invalidCell: string; unmetId: string }> {
  return page.evaluate(async (name) => {
    const col = (n: number) => {
      let out = "";
      for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
      return out;
    };
    return (window as any).Excel.run(async (context: any) => {
      const ws = context.workbook.worksheets.getItem(name);
      const header = ws.getRange("A11:ZZ11");
      header.load("values");
      await context.sync();
      const row: unknown[] = header.values[0];
      const end = row.indexOf("Essentials met");
      if (row[0] !== "Employee" || end < 2) throw new Error(`unexpected header row: ${JSON.stringify(row.slice(0, 5))}`);
      const ids = row.slice(1, end) as string[];
      const ann = ids.map(() => 3);
      const bo = ids.map((_, i) => (i === 0 ? 1 : 3));
      const cy = ids.map((_, i) => (i === 1 ? "x" : 3));
      ws.getRange(`B12:${col(end - 1)}14`).values = [ann, bo, cy];
      await context.sync();
      return { ids, invalidCell: "C14", unmetId: ids[0] };
    });
  }, sheet);
}

async function runAxe(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      nodes: v.nodes.map((n: any) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.slice(0, 300)) as string[],
    }));
  });
}

type Violation = Awaited<ReturnType<typeof runAxe>>[number];
const serious = (violations: Violation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");
const describeViolations = (violations: Violation[]) => violations.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.length} node(s)\n    ${v.nodes.join("\n    ")}`).join("\n");

/** "#rrggbb" as getComputedStyle reports it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

function colors(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main") as HTMLElement;
    return { body: getComputedStyle(document.body).backgroundColor, main: getComputedStyle(main).backgroundColor, text: getComputedStyle(main).color };
  });
}

const messageBar = (page: Page, title: string) => page.getByRole("group", { name: title });
/** A Select by its label (getByLabel("Framework") alone also finds the section the "Framework" heading names). */
const select = (page: Page, label: string) => page.getByRole("combobox", { name: label, exact: true });

// ---------------------------------------------------------------------------------------------

const chromiumMissing = !fs.existsSync(CHROMIUM);
const suite = chromiumMissing ? describe.skip : describe;

if (chromiumMissing && process.env.CI === "true") {
  describe("task pane end to end", () => {
    it("needs Chromium", () => {
      throw new Error(`${CHROMIUM} is missing: the end-to-end test needs Debian's chromium (apt-get install -y chromium). It is required under CI=true.`);
    });
  });
} else if (chromiumMissing) {
  console.warn(`Skipped the task pane end-to-end test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

let browser: Browser | undefined;
let server: http.Server | undefined;
let origin = "";
let fakeScript = "";
let setUpError: Error | undefined;

async function setUp() {
  try {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run npm run build first.");
    fakeScript = fakeExcelScript();
    ({ server, origin } = await serveDirectory(DIST));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    setUpError = error as Error;
    throw error;
  }
}

/** The browser, or the set-up's own error again (not a TypeError further down). */
function ready(): Browser {
  if (!browser) throw setUpError ?? new Error("the browser did not start");
  return browser;
}

async function tearDown() {
  await browser?.close();
  browser = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  }
}

suite("task pane end to end (Chromium, fake Excel host)", () => {
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
      const typed = await typeScores(page, ASSESS_SHEET);
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
        await typeScores(page, ASSESS_SHEET);
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
