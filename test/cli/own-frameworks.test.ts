import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { builtInFrameworks } from "../../src/frameworks";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";
import { validateCase } from "../core/interchange/case-schema";
import { expectValidXlsx } from "../helpers/ooxml";

const dir = tempDir("hr-own-");
const FIXTURES = path.join(__dirname, "../fixtures/frameworks");
const out = (name: string) => path.join(dir, name);

async function json(...argv: string[]) {
  const run = await runCli(...argv);
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  return JSON.parse(run.stdout);
}

/** What `frameworks --json` says of one framework, less where it came from. */
async function listed(id: string, ...extra: string[]) {
  const all = await json("frameworks", "--json", ...extra);
  const { from, ...rest } = all.find((f: { id: string }) => f.id === id);
  return { from, rest };
}

describe("a built-in framework exported and read back is the same framework", () => {
  it.each(builtInFrameworks().flatMap((f) => (["case", "json", "xlsx"] as const).map((format) => [f.id, format] as const)))("%s through %s", async (id, format) => {
    const file = out(`${id}-${format}.${format === "xlsx" ? "xlsx" : "json"}`);
    const exported = await runCli("export", "--framework", id, "--format", format, "--out", file);
    expect(exported.code).toBe(0);
    if (format === "xlsx") await expectValidXlsx(file);
    const original = await listed(id);
    const back = await listed(id, "--frameworks", file);
    // The copy from the file takes the built-in's place, and says where it came from.
    expect(back.rest).toEqual(original.rest);
    expect([original.from, back.from]).toEqual(["built in", format === "xlsx" ? `${file}, sheet "${back.from.match(/sheet "(.*)"/)?.[1]}"` : file]);
    expect(await json("criteria", "--framework", id, "--json", "--frameworks", file)).toEqual(await json("criteria", "--framework", id, "--json"));
  });

  it("CASE export validates against the official CFPackage schema, with the same identifiers each time", async () => {
    const [a, b] = [out("stable-a.json"), out("stable-b.json")];
    for (const file of [a, b]) expect((await runCli("export", "--framework", "stockport-library-assistant", "--format", "case", "--out", file)).code).toBe(0);
    const [first, second] = [a, b].map((f) => JSON.parse(readFileSync(f, "utf8")));
    expect(validateCase(first) ? [] : validateCase.errors).toEqual([]);
    const ids = (p: { CFItems: { identifier: string }[] }) => p.CFItems.map((i) => i.identifier);
    expect(ids(second)).toEqual(ids(first));
  });
});

describe("an analyst's own framework, from source to a checked assessment sheet", () => {
  it("CASE -> framework sheet -> template -> scores -> check, with the framework carried by the workbook", async () => {
    const team = out("case-team.xlsx");
    const imported = await runCli("import", path.join(FIXTURES, "case-sloppy.json"), "--out", team);
    expect(imported.code).toBe(0);
    await expectValidXlsx(team);
    expect(imported.stderr).toMatch(/^warning: .*case-sloppy\.json: /m);
    const fw = (await json("frameworks", "--json", "--frameworks", team)).find((f: { from: string }) => f.from.startsWith(team));
    const role = fw.roles[0].id;
    expect((await runCli("template", team, "--frameworks", team, "--framework", fw.id, "--role", role, "--people", "Ann;Bo")).code).toBe(0);

    // A manager scores everyone 3, but Bo 0 on the first criterion.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(team);
    const sheet = wb.worksheets.find((ws) => ws.getCell("A1").value === "Framework")!;
    const header = sheet.getRow(11);
    const criteria: string[] = [];
    header.eachCell((cell, col) => {
      if (col > 1 && !["Essentials met", "Unmet essentials", "Missing", "Desirable score", "Attained level", "Level gap"].includes(String(cell.value))) criteria.push(String(cell.value));
    });
    criteria.forEach((_, i) => {
      sheet.getRow(12).getCell(i + 2).value = 3;
      sheet.getRow(13).getCell(i + 2).value = i === 0 ? 0 : 3;
    });
    await wb.xlsx.writeFile(team);

    // No --frameworks: the check finds the framework sheet in the workbook it checks.
    const checked = await runCli("check", team, "--json");
    const result = JSON.parse(checked.stdout);
    expect(result.people.map((p: { employee: string; framework: string; essentialsMet: boolean }) => [p.employee, p.framework, p.essentialsMet])).toEqual([
      ["Ann", fw.id, true],
      ["Bo", fw.id, false],
    ]);
    expect(result.people[1].unmetEssential).toEqual([criteria[0]]);
    expect(checked.code).toBe(1);
  });

  it("Moodle CSV -> framework JSON, which --frameworks then reads", async () => {
    const file = out("moodle.json");
    const run = await runCli("import", path.join(FIXTURES, "moodle-quirks.csv"), "--out", file);
    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(file, "utf8"));
    const listedFw = (await json("frameworks", "--json", "--frameworks", file)).find((f: { id: string }) => f.id === written.id);
    expect(listedFw).toMatchObject({ id: written.id, from: file, title: written.title });
  });
});

describe("bad sources: exit 2, every problem with its place, nothing written", () => {
  it.each([
    ["case-bad.json", [/\/CFItems\/2/, /\/CFAssociations\/[01]/, /\/CFItems\/3/, /\/CFRubrics\/0/]],
    ["moodle-bad.csv", [/line 4/, /line 5/, /line [67]/, /line 8/]],
    ["moodle-no-proficient.csv", [/line 2, column 7/]],
  ])("%s", async (name, places) => {
    for (const target of [out(`bad-${name}.json`), out(`bad-${name}.xlsx`)]) {
      const run = await runCli("import", path.join(FIXTURES, name), "--out", target);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cannot be used as a framework \(\d+ problems?\); nothing was written/);
      for (const place of places) expect(run.stderr).toMatch(place);
      expect(existsSync(target)).toBe(false);
    }
    const used = await runCli("frameworks", "--frameworks", path.join(FIXTURES, name));
    expect([used.code, used.stdout]).toEqual([2, ""]);
  });

  it("a file that is none of the formats, and a missing one", async () => {
    const text = out("notes.txt");
    writeFileSync(text, "just some notes\n");
    const none = await runCli("import", text, "--out", out("none.json"));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/is none of the framework formats/);
    const missing = await runCli("check", text, "--frameworks", out("nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
  });

  it("export never replaces a file, and says which formats there are", async () => {
    const file = out("taken.json");
    writeFileSync(file, "mine");
    const run = await runCli("export", "--framework", "medway-libraries-2024", "--format", "json", "--out", file);
    expect(run.code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("mine");
    const bad = await runCli("export", "--framework", "medway-libraries-2024", "--format", "pdf", "--out", out("x.pdf"));
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--format must be case, json or xlsx/)]);
  });
});
