import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The validator is an ES module script (scripts/validate-manifest.mjs) and jest here runs
// CommonJS through ts-jest, so it is run the way CI and people run it: as a child process.
const root = path.resolve(__dirname, "../..");
const script = path.join(root, "scripts", "validate-manifest.mjs");
const manifestFile = path.join(root, "manifest.xml");
const manifest = readFileSync(manifestFile, "utf8");
const dir = mkdtempSync(path.join(os.tmpdir(), "hr-manifest-"));

jest.setTimeout(30_000);

function validate(files: string[], env: NodeJS.ProcessEnv = process.env) {
  const run = spawnSync(process.execPath, [script, ...files], { cwd: root, encoding: "utf8", env });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A copy of manifest.xml with one change, written to the temp dir. */
function broken(name: string, from: string | RegExp, to: string): string {
  const text = manifest.replace(from, to);
  expect(text).not.toBe(manifest);
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The 1-based line of the first occurrence of text in manifest.xml, found without the validator. */
function lineOf(text: string): number {
  const at = manifest.indexOf(text);
  expect(at).toBeGreaterThanOrEqual(0);
  return manifest.slice(0, at).split("\n").length;
}

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("validate-manifest", () => {
  it("passes manifest.xml with no errors or warnings, and prints a summary", () => {
    const { status, out } = validate([manifestFile]);
    expect(out).toMatch(/^validate-manifest: OK: 1 file checked, 0 errors, 0 warnings$/m);
    expect(out).not.toMatch(/ (error|warning) \[/);
    expect(status).toBe(0);
  });

  it("checks manifest.xml by default", () => {
    const { status, out } = validate([]);
    expect(out).toMatch(/^validate-manifest: OK: \d files? checked, 0 errors/m);
    expect(status).toBe(0);
  });

  it("rejects an http:// URL, naming it and its line", () => {
    const file = broken("http.xml", '<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://');
    const { status, out } = validate([file]);
    expect(out).toContain(`http.xml:${lineOf("<IconUrl ")}: error [https]: <IconUrl> DefaultValue "http://localhost:3000/assets/icon-32.png" is not an https URL`);
    expect(out).toMatch(/FAILED: 1 file checked, 1 error/);
    expect(status).toBe(1);
  });

  it("rejects a resid that resolves nowhere", () => {
    const file = broken("resid.xml", '<Label resid="Group.Label"/>', '<Label resid="Nowhere.Label"/>');
    const { status, out } = validate([file]);
    expect(out).toContain(`resid.xml:${lineOf('<Label resid="Group.Label"/>')}: error [resid]: resid "Nowhere.Label" on <Label> is not defined in Resources`);
    // ...and the string it no longer uses is a warning, not an error.
    expect(out).toContain(`resid.xml:${lineOf('<bt:String id="Group.Label"')}: warning [resid]: resource "Group.Label" in ShortStrings is never used`);
    expect(out).toMatch(/1 error, 1 warning/);
    expect(status).toBe(1);
  });

  it("rejects a resid of the wrong kind", () => {
    const file = broken("kind.xml", '<Title resid="TaskpaneButton.Title"/>', '<Title resid="TaskpaneButton.Tooltip"/>');
    const { status, out } = validate([file]);
    expect(out).toMatch(/error \[resid\]: resid "TaskpaneButton\.Tooltip" on <Title> names a resource in LongStrings, but Title needs one in ShortStrings/);
    expect(status).toBe(1);
  });

  it("rejects a custom functions namespace other than HR", () => {
    const file = broken("namespace.xml", 'id="Functions.Namespace" DefaultValue="HR"', 'id="Functions.Namespace" DefaultValue="HRX"');
    const { status, out } = validate([file]);
    expect(out).toContain(`namespace.xml:${lineOf('<bt:String id="Functions.Namespace"')}: error [namespace]: custom functions namespace is "HRX"`);
    expect(out).toMatch(/custom functions namespace is "HRX" .*expected exactly "HR"/);
    expect(status).toBe(1);
  });

  it("rejects a manifest that breaks the schema", () => {
    const file = broken("schema.xml", "<Permissions>", "<Unknown/><Permissions>");
    const { status, out } = validate([file]);
    expect(out).toMatch(/schema\.xml:\d+: error \[schema\]: Element 'Unknown': This element is not expected/);
    expect(status).toBe(1);
  });

  it("rejects a string longer than the schema allows", () => {
    const file = broken("long.xml", 'DefaultValue="Competency"', `DefaultValue="${"x".repeat(126)}"`);
    const { status, out } = validate([file]);
    expect(out).toMatch(/error \[schema\]: .*DefaultValue.*length/);
    expect(status).toBe(1);
  });

  it("rejects XML that is not well-formed", () => {
    const file = broken("xml.xml", "</Permissions>", "</Permission>");
    const { status, out } = validate([file]);
    expect(out).toMatch(/xml\.xml:\d+: error \[xml\]: parser error/);
    expect(status).toBe(1);
  });

  it("rejects a FunctionFile outside the shared runtime", () => {
    const file = broken("runtime.xml", '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>');
    const { status, out } = validate([file]);
    expect(out).toMatch(/error \[runtime\]: <FunctionFile> loads "https:\/\/localhost:3000\/functions\.js"/);
    expect(status).toBe(1);
  });

  it("checks every file given and fails if any fails", () => {
    const bad = broken("many.xml", 'DefaultValue="HR"', 'DefaultValue="CONTOSO"');
    const { status, out } = validate([manifestFile, bad]);
    expect(out).toMatch(/FAILED: 2 files checked, 1 error, 0 warnings/);
    expect(status).toBe(1);
  });

  it("says where it looked when the schemas are missing", () => {
    const { status, out } = validate([manifestFile], { ...process.env, OFFICE_MANIFEST_SCHEMAS: dir });
    expect(out).toContain("OFFICE_MANIFEST_SCHEMAS");
    expect(out).toContain(path.join(dir, "OfficeAppManifestV1_1.xsd"));
    expect(status).toBe(1);
  });
});

describe("manifest.xml", () => {
  it("uses a long-lived shared runtime that the functions and the task pane share", () => {
    expect(manifest).toMatch(/<Runtimes>\s*<Runtime resid="Taskpane\.Url" lifetime="long"\s*\/>\s*<\/Runtimes>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane\.Url"\s*\/>\s*<\/Page>/);
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="HR"/>');
  });

  it("declares the requirement sets the code uses", () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(manifest).toMatch(/<bt:Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
  });

  it("asks for ReadWriteDocument and adds its button to the Home tab", () => {
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane\.Url"\/>/);
  });

  it("references the four icon sizes, each present in assets/ at its size", () => {
    const sizes = [...new Set([...manifest.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
    expect(sizes).toEqual([16, 32, 64, 80]);
    for (const size of sizes) {
      const file = path.join(root, "assets", `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("gives every URL under the https://localhost:3000/ base that the build replaces", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
    expect(manifest).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
    expect(manifest).toContain('DefaultValue="https://localhost:3000/functions.js"');
    expect(manifest).toContain('DefaultValue="https://localhost:3000/functions.json"');
  });
});
