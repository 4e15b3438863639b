/**
 * The end-to-end harness: the built pane (dist/) served on 127.0.0.1, office.js from the local
 * package in place of its CDN, the fake Excel host installed in the page, axe-core, and helpers
 * to read the fake workbook. See taskpane.e2e.test.ts for how the page is wired.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import ts from "typescript";


export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const FAKE_EXCEL = path.join(ROOT, "test/fakes/fake-excel.ts");
export const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
export const ARTIFACTS = path.join(__dirname, "artifacts");
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** A task pane's width in Excel (it is about 350 px wide by default). */
export const VIEWPORT = { width: 360, height: 900 };

/** Office's theme for Excel's dark mode, as Office.context.officeTheme gives it. */
export const DARK_OFFICE_THEME = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3b3b3b", controlForegroundColor: "#ffffff" };

// ---------------------------------------------------------------------------------------------
// Harness: static server, fake Excel in the page, office.js from the local package.

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under `root` that a URL path names, or undefined (never a file outside `root`). */
export function fileUnder(root: string, urlPath: string): string | undefined {
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  } catch {
    return undefined;
  }
  if (!file.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

export function serveDirectory(root: string): Promise<{ server: http.Server; origin: string }> {
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
export function fakeExcelScript(): string {
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
export function officeThemeHook(theme: object): string {
  return `\n;Office.onReady(function () { Object.defineProperty(Office.context, "officeTheme", { configurable: true, value: ${JSON.stringify(theme)} }); });\n`;
}

export interface Pane {
  page: Page;
  /** Requests that were aborted because they left localhost. */
  blocked: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

export async function openPane(browser: Browser, origin: string, fakeScript: string, officeTheme?: object): Promise<Pane> {
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

export interface CellView {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).Excel.state.sheets.map((s: { name: string }) => s.name));
}

export function cell(page: Page, sheet: string, address: string): Promise<CellView | null> {
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

export function workbook(page: Page) {
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
export function rowValues(page: Page, sheet: string, row: number): Promise<(string | number | boolean | null)[]> {
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

export async function runAxe(page: Page) {
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

export type Violation = Awaited<ReturnType<typeof runAxe>>[number];
export const serious = (violations: Violation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");
export const describeViolations = (violations: Violation[]) => violations.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.length} node(s)\n    ${v.nodes.join("\n    ")}`).join("\n");

/** "#rrggbb" as getComputedStyle reports it. */
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

export function colors(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main") as HTMLElement;
    return { body: getComputedStyle(document.body).backgroundColor, main: getComputedStyle(main).backgroundColor, text: getComputedStyle(main).color };
  });
}

export const messageBar = (page: Page, title: string) => page.getByRole("group", { name: title });
/** A Select by its label (getByLabel("Framework") alone also finds the section the "Framework" heading names). */
export const select = (page: Page, label: string) => page.getByRole("combobox", { name: label, exact: true });


const chromiumMissing = !fs.existsSync(CHROMIUM);
/** describe, or describe.skip (with a warning; an error under CI) when Chromium is missing. */
export const paneSuite = chromiumMissing ? describe.skip : describe;

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
/** Where dist/ is served, once setUp has run. */
export let origin = "";
/** The init script that installs the fake Excel host, once setUp has run. */
export let fakeScript = "";
let setUpError: Error | undefined;

export async function setUp() {
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
export function ready(): Browser {
  if (!browser) throw setUpError ?? new Error("the browser did not start");
  return browser;
}

export async function tearDown() {
  await browser?.close();
  browser = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  }
}


/**
 * Types scores into an assessment sheet through the fake's own Excel.run, as a user would:
 * criterion ids are in row 11 from column B up to "Essentials met", people from row 12.
 * `scores(person, criterion)` gives each cell. Returns the criterion ids.
 */
export function typeScores(page: Page, sheet: string, scores: (person: number, criterion: number) => number | string, people: number): Promise<string[]> {
  const grid = Array.from({ length: people }, (_, i) => Array.from({ length: 200 }, (_, j) => scores(i, j)));
  return page.evaluate(
    async ([name, rows]) => {
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
        if (row[0] !== "Employee" || end < 2) throw new Error(`unexpected header row in ${name}: ${JSON.stringify(row.slice(0, 5))}`);
        ws.getRange(`B12:${col(end - 1)}${11 + rows.length}`).values = rows.map((r) => r.slice(0, end - 1));
        await context.sync();
        return row.slice(1, end) as string[];
      });
    },
    [sheet, grid] as const,
  );
}

/** Ann Lee scores 3 everywhere; Bo Chan 1 on the first criterion; =Cy "x" (invalid) on the second. */
export const annBoCy = (person: number, criterion: number): number | string => (person === 1 && criterion === 0 ? 1 : person === 2 && criterion === 1 ? "x" : 3);
