import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A user's clone has nothing beside it: every file the build, the tests and the docs need is in
// the repo. (a) No tracked file names a path out of the repo; (b) what reads schemas works in a
// copy of the repo placed where nothing is beside it.
const root = path.resolve(__dirname, "../..");

jest.setTimeout(120_000);

function git(...args: string[]): string {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** The files a clone holds: those in git's index, as the working tree has them now. */
function trackedFiles(): string[] {
  return git("ls-files", "-z").split("\0").filter((f) => f !== "" && existsSync(path.join(root, f)));
}

// Built from parts so that this file does not match itself.
const up = "..";
const sharedDir = ["", "work", "shared"].join("/");
const ESCAPES: { what: string; pattern: RegExp }[] = [
  { what: "a path to the sibling shared folder", pattern: new RegExp(`\\.\\.[\\\\/]+shared\\b`) },
  { what: "an absolute path to the shared folder", pattern: new RegExp(sharedDir.replace(/\//g, "[\\\\/]+")) },
  { what: "a path joined out of the repo into shared", pattern: new RegExp(`["'\`]\\${up[0]}\\${up[1]}["'\`]\\s*,\\s*["'\`]shared["'\`]`) },
  { what: "an absolute path into another worktree", pattern: new RegExp(`${["", "work", "(?:wt|main)"].join("/")}\\b`) },
];

describe("the repo stands alone", () => {
  it("no tracked file refers to a path outside the repo", () => {
    const files = trackedFiles();
    expect(files).toContain("package.json");
    const found: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(path.join(root, file));
      if (bytes.includes(0)) continue; // binary: images
      bytes
        .toString("utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const { what, pattern } of ESCAPES) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("the README's links to the repo's own files point at files in it: the product contract among them", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t));
    expect(targets).toContain("docs/product.md");
    const files = new Set(trackedFiles());
    expect(targets.filter((t) => !files.has(path.posix.normalize(t)))).toEqual([]);
  });

  it("the escape patterns catch what they are meant to", () => {
    const caught = (line: string) => ESCAPES.some(({ pattern }) => pattern.test(line));
    expect(caught(`see ${up}/shared/PRODUCT.md`)).toBe(true);
    expect(caught(`path.resolve(ROOT, "${up}", "shared", "schemas")`)).toBe(true);
    expect(caught(`read ${sharedDir}/schemas`)).toBe(true);
    expect(caught("put manifest.xml in a shared folder")).toBe(false);
    expect(caught("the shared runtime")).toBe(false);
  });

  describe("in a copy of the repo with nothing beside it", () => {
    let parent: string;
    let clone: string;
    beforeAll(() => {
      parent = mkdtempSync(path.join(os.tmpdir(), "hr-standalone-"));
      clone = path.join(parent, "hr-competency");
      for (const file of trackedFiles()) {
        mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
        copyFileSync(path.join(root, file), path.join(clone, file));
      }
      symlinkSync(path.join(root, "node_modules"), path.join(clone, "node_modules"), "dir");
    });
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    /** Runs a command in the copy, without any setting that points elsewhere. */
    function inClone(command: string, args: string[]) {
      const env = { ...process.env };
      delete env.OFFICE_MANIFEST_SCHEMAS;
      const run = spawnSync(command, args, { cwd: clone, encoding: "utf8", env });
      return { status: run.status, out: `${run.stdout}${run.stderr}` };
    }

    it("has no shared folder beside it", () => {
      expect(existsSync(path.join(parent, "shared"))).toBe(false);
      expect(existsSync(path.join(clone, "package.json"))).toBe(true);
    });

    it("npm run validate passes", () => {
      const { status, out } = inClone("npm", ["run", "validate"]);
      expect(out).toMatch(/validate-manifest: OK: 1 file checked, 0 errors, 0 warnings/);
      expect(status).toBe(0);
    });

    it("the manifest tests pass", () => {
      const { status, out } = inClone(process.execPath, [path.join(clone, "node_modules", "jest", "bin", "jest.js"), "test/manifest", "--ci"]);
      expect(out).toMatch(/Tests:\s+(\d+) passed, \1 total/);
      expect(status).toBe(0);
    });
  });
});
