import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A production build must not ship a manifest pointing at localhost by accident: without
// ADDIN_BASE_URL it stops, unless the dev manifest is asked for explicitly.
const root = path.resolve(__dirname, "../..");
const DEV_BASE = "https://localhost:3000/";

jest.setTimeout(120_000);

/** The environment without any setting that chooses the manifest's base URL. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!("ADDIN_BASE_URL" in extra)) delete env.ADDIN_BASE_URL;
  if (!("ADDIN_DEV" in extra)) delete env.ADDIN_DEV;
  return env;
}

/** dist/manifest.xml as webpack.config.js would write it for a production build with this env. */
function productionManifest(webpackEnv: Record<string, unknown>, extra: Record<string, string> = {}) {
  const script = `
    const config = require("./webpack.config.js")(${JSON.stringify(webpackEnv)}, { mode: "production" });
    const copy = config.plugins.find((p) => Array.isArray(p.patterns));
    const manifest = copy.patterns.find((p) => p.from === "manifest.xml");
    process.stdout.write(manifest.transform(require("fs").readFileSync("manifest.xml")).toString());`;
  const run = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", env: cleanEnv(extra) });
  return { status: run.status, manifest: run.stdout, stderr: run.stderr };
}

describe("the production build's manifest URL", () => {
  it("npm run build without ADDIN_BASE_URL stops with one line that says what to do, building nothing", () => {
    const out = path.join(os.tmpdir(), `hr-build-${process.pid}`);
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out], { cwd: root, encoding: "utf8", env: cleanEnv() });
    expect(run.stderr).toMatch(/^Build stopped: The production build needs the add-in's address for dist\/manifest\.xml: set ADDIN_BASE_URL .*npm run build:dev-manifest\.$/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it("an http base URL is refused", () => {
    const { status, stderr } = productionManifest({}, { ADDIN_BASE_URL: "http://hr.example.org/addin/" });
    expect(stderr).toContain('must be https and end with "/": got http://hr.example.org/addin/');
    expect(status).toBe(1);
  });

  it("ADDIN_BASE_URL replaces every localhost URL", () => {
    const { status, manifest } = productionManifest({}, { ADDIN_BASE_URL: "https://hr.example.org/addin/" });
    expect(status).toBe(0);
    expect(manifest).toContain('DefaultValue="https://hr.example.org/addin/taskpane.html"');
    expect(manifest).not.toContain("localhost");
  });

  it.each([
    ["--env devManifest", { devManifest: true }, {}],
    ["ADDIN_DEV=1", {}, { ADDIN_DEV: "1" }],
  ])("%s keeps the dev server's URL, and says it is not for deployment", (_, webpackEnv, extra) => {
    const { status, manifest, stderr } = productionManifest(webpackEnv, extra);
    expect(status).toBe(0);
    expect(manifest).toContain(`DefaultValue="${DEV_BASE}taskpane.html"`);
    expect(stderr).toContain("not for deployment");
  });

  it("npm test and npm run bench ask for the dev manifest explicitly", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    expect(scripts["build:dev-manifest"]).toMatch(/webpack --mode production --env devManifest/);
    expect(scripts.test).toContain("npm run build:dev-manifest");
    expect(scripts.test).not.toMatch(/npm run build &&/);
    expect(scripts.bench).toMatch(/webpack --mode production --env devManifest/);
  });
});
