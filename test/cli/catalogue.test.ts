import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { runCli } from "../helpers/cli";

const root = path.resolve(__dirname, "../..");

describe("hr-competency frameworks", () => {
  it("--json has exactly the contract's shape", async () => {
    const { code, stdout } = await runCli("frameworks", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list.map((f: { id: string }) => f.id)).toEqual([
      "medway-libraries-2024",
      "stockport-library-assistant",
      "library-technician",
      "ontario-library-competencies",
    ]);
    for (const f of list) {
      expect(Object.keys(f)).toEqual(["id", "title", "publisher", "version", "from", "levels", "roles"]);
      expect([f.version, f.from]).toEqual(["1", "built in"]);
      for (const l of f.levels) expect(Object.keys(l)).toEqual(["id", "name"]);
      for (const r of f.roles) expect(Object.keys(r)).toEqual(["id", "title", "grade"]);
    }
    const medway = list[0];
    expect(medway.levels).toEqual([
      { id: "A", name: "Developing" },
      { id: "B", name: "Practising" },
      { id: "C", name: "Accomplished" },
    ]);
    expect(medway.roles[3]).toEqual({ id: "library-manager", title: "Library Manager", grade: "Range 5" });
  });

  it("prints a readable list by default", async () => {
    const { code, stdout } = await runCli("frameworks");
    expect(code).toBe(0);
    expect(stdout).toContain("stockport-library-assistant");
    expect(stdout).toMatch(/library-assistant\s+Grade 4\s+24\s+Library Assistant/);
  });
});

describe("hr-competency criteria", () => {
  it("--json lists criteria in source order with role and level as ids", async () => {
    const { code, stdout } = await runCli("criteria", "--framework", "stockport-library-assistant", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toHaveLength(24);
    expect(list.map((c: { id: string }) => c.id)).toEqual(Array.from({ length: 24 }, (_, i) => `SLA-${String(i + 1).padStart(2, "0")}`));
    expect(Object.keys(list[0])).toEqual(["id", "framework", "role", "level", "category", "text", "priority"]);
    expect(list[1]).toMatchObject({ framework: "stockport-library-assistant", role: "library-assistant", priority: "unspecified" });
  });

  it("takes a role and level by title or name, case-insensitive", async () => {
    const byTitle = await runCli("criteria", "--framework", "medway-libraries-2024", "--role", "  library MANAGER ", "--level", "practising", "--json");
    const byId = await runCli("criteria", "--framework", "medway-libraries-2024", "--role", "library-manager", "--level", "B", "--json");
    expect(byTitle.code).toBe(0);
    expect(byTitle.stdout).toBe(byId.stdout);
    const list = JSON.parse(byId.stdout);
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((c: { level: string; role: string }) => `${c.role}/${c.level}`))).toEqual(new Set(["library-manager/B"]));
  });

  it("prints a table with the criterion text", async () => {
    const { code, stdout } = await runCli("criteria", "--framework", "stockport-library-assistant");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\s+Level\s+Priority\s+Category\s+Criterion$/m);
    expect(stdout).toMatch(/^SLA-18\s+-\s+desirable/m);
  });

  it.each([
    [["criteria", "--framework", "nope"], /^Unknown framework "nope"\. Known frameworks: medway-libraries-2024, stockport-library-assistant, library-technician, ontario-library-competencies\. For a framework of your own, add --frameworks PATH\.\n$/],
    [["criteria", "--framework", "medway-libraries-2024", "--role", "Librarian"], /^Unknown role "Librarian" in medway-libraries-2024\. Roles: library-assistant-casual \(Library Assistant \(Casual\)\), .*\.\n$/],
    [["criteria", "--framework", "medway-libraries-2024", "--level", "D"], /^Unknown level "D" in medway-libraries-2024\. Levels: A \(Developing\), B \(Practising\), C \(Accomplished\)\.\n$/],
    [["criteria"], /^criteria: --framework is required\. See: hr-competency criteria --help\n$/],
    [["criteria", "--framework", "x", "--colour", "red"], /^criteria: Unknown option '--colour'.*See: hr-competency criteria --help\n$/],
    [["explode"], /^Unknown command "explode"\. Commands: frameworks, criteria, fill, template, check, collect, import, export\. See: hr-competency --help\n$/],
  ])("%j exits 2 with one line on stderr naming the problem", async (argv, message) => {
    const { code, stdout, stderr } = await runCli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["frameworks", "--json"],
    ["criteria", "--framework F"],
    ["fill", "--role R"],
    ["template", "--people-file PATH"],
    ["check", "--report OUT.xlsx"],
  ])("%s --help describes its options", async (command, option) => {
    const { code, stdout } = await runCli(command, "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: hr-competency ${command}`));
    expect(stdout).toContain(option);
    expect(stdout).toContain("--help");
  });

  it("hr-competency --help lists every command", async () => {
    const { code, stdout } = await runCli("--help");
    expect(code).toBe(0);
    for (const command of ["frameworks", "criteria", "fill", "template", "check"]) expect(stdout).toMatch(new RegExp(`^  ${command}\\s+\\S`, "m"));
  });
});

describe("the installed command", () => {
  it("runs as npx hr-competency from the project", () => {
    const out = execFileSync("npx", ["--no-install", "hr-competency", "frameworks", "--json"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    expect(JSON.parse(out)).toHaveLength(4);
  });

  it("exits 2 from the real process on an unknown framework", () => {
    const run = spawnSync(process.execPath, [path.join(root, "bin/hr-competency.js"), "criteria", "--framework", "nope"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Unknown framework "nope"/);
  });
});
