/**
 * End-to-end test of the pane's Frameworks section in Chromium on the fake Excel host (see
 * taskpane.e2e.test.ts for how the page is wired): a CASE file imported into the workbook as a
 * framework sheet, listed and chosen, an assessment sheet made from it and checked (the check
 * follows an edit on the framework sheet), the framework exported back as a download and through
 * the clipboard, a bad file refused with its problems, and axe on the section.
 *
 * Needs `npm run build:dev-manifest` first.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { importFramework, importFrameworkJson, exportCaseJson, toFrameworkInput } from "../../src/core/interchange";
import type { Framework } from "../../src/core/model";
import { builtInFrameworks } from "../../src/frameworks";
import type { Pane } from "./harness";
import { annBoCy, cell, describeViolations, fakeScript, messageBar, openPane, origin, paneSuite, ready, runAxe, select, serious, setUp, sheetNames, tearDown, typeScores } from "./harness";

jest.setTimeout(120_000);

const ID = "our-libraries";
const TITLE = "Our libraries framework";
const FRAMEWORK_SHEET = `Framework ${ID}`;
const ASSESS_SHEET = "Assess Library Assistant (B)";

/** Medway's framework under our own id and title, as a CASE 1.1 package: a framework the add-in does not have built in. */
function ownFramework(): Framework {
  const medway = builtInFrameworks().find((f) => f.id === "medway-libraries-2024")!;
  const imported = importFrameworkJson(JSON.stringify({ ...toFrameworkInput(medway), id: ID, title: TITLE }));
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  return imported.framework;
}
const CASE_TEXT = exportCaseJson(ownFramework(), { lastChangeDateTime: "2026-01-01T00:00:00+00:00" });

/** What the add-in makes of a file, read here in Node: the reference the pane's exports are compared with. */
function frameworkOf(text: string, name: string): Framework {
  const imported = importFramework(text, name);
  if (!imported.ok) throw new Error(`${name}: ${JSON.stringify(imported.problems)}`);
  return imported.framework;
}

/** The reference for every export: the imported CASE file with the edit made on the sheet (the role's first criterion desirable). */
function editedFramework() {
  const edited = toFrameworkInput(frameworkOf(CASE_TEXT, "original.case.json"));
  edited.roles.find((r) => r.id === "library-assistant")!.criteria[0].priority = "desirable";
  return edited;
}


/** Sets a criterion's priority on the framework sheet, as a user typing in its Criteria table would. */
function setPriority(page: Page, sheet: string, criterion: string, priority: string): Promise<string> {
  return page.evaluate(
    async ([name, id, value]) =>
      (window as any).Excel.run(async (context: any) => {
        const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
        used.load("values");
        await context.sync();
        const rows: unknown[][] = used.values;
        const header = rows.findIndex((r) => r[0] === "Role" && r.includes("Priority") && r.includes("Category"));
        const [idCol, priorityCol] = [rows[header].indexOf("ID"), rows[header].indexOf("Priority")];
        const row = rows.findIndex((r, i) => i > header && r[idCol] === id);
        const address = `${String.fromCharCode(65 + priorityCol)}${row + 1}`;
        context.workbook.worksheets.getItem(name).getRange(address).values = [[value]];
        await context.sync();
        return address;
      }),
    [sheet, criterion, priority] as const,
  );
}

paneSuite("the pane's Frameworks section end to end (Chromium, fake Excel host)", () => {
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

  it("lists the built-in frameworks, each saying it is built in", async () => {
    const list = page.getByRole("list", { name: "Frameworks available" });
    await list.waitFor();
    const items = await list.getByRole("listitem").allInnerTexts();
    expect(items).toHaveLength(builtInFrameworks().length);
    for (const f of builtInFrameworks()) expect(items).toContainEqual(expect.stringMatching(new RegExp(`^${f.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+${f.id}, version ${f.version}: built in$`)));
  });

  it("imports a CASE file into the workbook as a framework sheet and lists it", async () => {
    await page.getByLabel("Framework file").setInputFiles({ name: `${ID}.case.json`, mimeType: "application/json", buffer: Buffer.from(CASE_TEXT) });
    await messageBar(page, "Framework imported").waitFor();

    expect(await sheetNames(page)).toEqual(["Team", FRAMEWORK_SHEET]);
    expect((await cell(page, FRAMEWORK_SHEET, "A1"))?.value).toBe("Framework sheet");
    expect((await cell(page, FRAMEWORK_SHEET, "B2"))?.value).toBe(ID);
    expect((await cell(page, FRAMEWORK_SHEET, "B3"))?.value).toBe(TITLE);
    const item = page.getByRole("list", { name: "Frameworks available" }).getByRole("listitem").filter({ hasText: TITLE });
    await expect(item.innerText()).resolves.toMatch(new RegExp(`${ID}, version 1: workbook, sheet "${FRAMEWORK_SHEET}"`));
    await expect(select(page, "Framework").locator("option", { hasText: TITLE }).getAttribute("value")).resolves.toBe(ID);
  });

  it("creates an assessment sheet from it and checks it, following an edit on the framework sheet", async () => {
    await select(page, "Framework").selectOption(ID);
    await select(page, "Role").selectOption("library-assistant");
    await select(page, "Target level").selectOption("B");
    await page.getByLabel("People").fill("Ann Lee\nBo Chan\n=Cy");
    await page.getByRole("button", { name: "Create assessment sheet (3)" }).click();
    await messageBar(page, "Assessment sheet added").waitFor();
    expect((await cell(page, ASSESS_SHEET, "B1"))?.value).toBe(ID);

    const ids = await typeScores(page, ASSESS_SHEET, annBoCy, 3);
    await page.getByRole("button", { name: "Check assessment sheets" }).click();
    // Every criterion is essential: Bo misses the first one, =Cy has no valid score for the second.
    await page.getByRole("heading", { name: "People: 1 of 3 meet every essential criterion" }).waitFor();

    // The first criterion made desirable on the framework sheet: Bo now meets every essential one.
    await setPriority(page, FRAMEWORK_SHEET, ids[0], "desirable");
    await page.getByRole("button", { name: "Check assessment sheets" }).click();
    await page.getByRole("heading", { name: "People: 2 of 3 meet every essential criterion" }).waitFor();
    const people = page.locator("section[aria-labelledby='people-heading'] li");
    await expect(people.allInnerTexts()).resolves.toEqual([expect.stringMatching(/^Pass\s+Ann Lee: attained B/), expect.stringMatching(/^Pass\s+Bo Chan: attained B/), expect.stringMatching(/^Fail\s+=Cy: .*1 missing/)]);
  });

  it("exports the workbook's copy as a CASE download that reads back as the framework on the sheet", async () => {
    await page.getByRole("button", { name: "Refresh list" }).click();
    await messageBar(page, "Frameworks listed").waitFor();
    await select(page, "Export format").selectOption("case");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download file" }).click()]);
    expect(download.suggestedFilename()).toBe(`${ID}.case.json`);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(JSON.parse(text).CFDocument.title).toBe(TITLE);

    expect(toFrameworkInput(frameworkOf(text, "download.case.json"))).toEqual(editedFramework());
  });

  it("copies the framework JSON to the clipboard, or shows it selected where the clipboard is refused", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await select(page, "Export format").selectOption("json");
    await page.getByRole("button", { name: "Copy to clipboard" }).click();
    await messageBar(page, "Copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(toFrameworkInput(frameworkOf(copied, "copied.json"))).toEqual(editedFramework());

    // A host that refuses the clipboard (desktop Excel's webview may): the text is shown, selected.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await page.getByRole("button", { name: "Copy to clipboard" }).click();
    await messageBar(page, "Copy it by hand").waitFor();
    const box = page.getByLabel(`Text of ${ID}.json`);
    await expect(box.inputValue()).resolves.toBe(copied);
    const selection = await box.evaluate((e: HTMLTextAreaElement) => ({ focused: e === document.activeElement, from: e.selectionStart, to: e.selectionEnd, length: e.value.length, readOnly: e.readOnly }));
    expect(selection).toEqual({ focused: true, from: 0, to: selection.length, length: copied.length, readOnly: true });
  });

  it("refuses a bad file, listing every problem with its place, and writes nothing", async () => {
    const before = await sheetNames(page);
    const input = toFrameworkInput(ownFramework());
    const criteria = input.roles.find((r) => r.id === "library-assistant")!.criteria;
    criteria[1].id = criteria[0].id;
    criteria[2].level = "Z";
    await page.getByLabel("Framework file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(input)) });
    await messageBar(page, "Framework not imported").waitFor();

    const problems = await page.getByRole("list", { name: "Problems in bad.json" }).getByRole("listitem").allInnerTexts();
    const reference = importFramework(JSON.stringify(input), "bad.json");
    expect(reference.ok).toBe(false);
    expect(problems).toEqual(!reference.ok ? reference.problems.map((p) => `${p.location}: ${p.message}`) : []);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.some((p) => p.includes(criteria[0].id))).toBe(true);
    expect(problems.some((p) => p.includes('"Z"') || p.includes(" Z"))).toBe(true);
    expect(await sheetNames(page)).toEqual(before);
  });

  it("works from the keyboard: Tab goes from the file input to the export controls, Enter downloads", async () => {
    await page.getByLabel("Framework file").focus();
    const focused: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      focused.push(await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return e.tagName === "SELECT" ? `select:${(e as HTMLSelectElement).value}` : `${e.tagName.toLowerCase()}:${e.innerText.trim()}`;
      }));
    }
    expect(focused).toEqual(["select:json", "button:Download file", "button:Copy to clipboard"]);
    await page.keyboard.press("Shift+Tab");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe(`${ID}.json`);
    expect(toFrameworkInput(frameworkOf(fs.readFileSync((await download.path())!, "utf8"), "download.json"))).toEqual(editedFramework());
  });

  it("lists what is wrong on a framework sheet after an edit breaks it, at its cell", async () => {
    const first = editedFramework().roles.find((r) => r.id === "library-assistant")!.criteria[0].id;
    const address = await setPriority(page, FRAMEWORK_SHEET, first, "sometimes");
    await page.getByRole("button", { name: "Refresh list" }).click();
    await messageBar(page, "Frameworks listed").waitFor();
    const problems = await page.getByRole("list", { name: "Problems in framework sheets" }).getByRole("listitem").allInnerTexts();
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^Error ${FRAMEWORK_SHEET}!${address}: .*sometimes`))]);
    // A broken sheet is left out: the framework is no longer offered.
    await expect(select(page, "Framework").locator(`option[value="${ID}"]`).count()).resolves.toBe(0);
  });

  it("has no serious or critical accessibility violations (axe-core) with the section's lists, problems and copy box on screen", async () => {
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(`axe-core, Frameworks section:\n${describeViolations(violations)}`);
    expect(describeViolations(serious(violations))).toBe("");
  });
});
