#!/usr/bin/env node
// Offline validation of the add-in's XML manifest.
//
//   node scripts/validate-manifest.mjs [path/to/manifest.xml ...]
//
// Default files: manifest.xml, plus dist/manifest.xml when it exists (both relative to the repo).
// `office-addin-manifest validate` needs Microsoft's online service, which these machines cannot
// reach, so this script does the offline part itself:
//
// - schema: XSD validation with xmllint-wasm against OfficeAppManifestV1_1.xsd, with the schemas it
//   imports preloaded, from the repo's schemas/office-manifest (or $OFFICE_MANIFEST_SCHEMAS);
// - resid: every resid names a resource of the right kind (Images, Urls, ShortStrings,
//   LongStrings) in Resources; unused and duplicate resources are reported too;
// - https: every URL (IconUrl, HighResolutionIconUrl, SupportUrl, SourceLocation, AppDomain,
//   bt:Image, bt:Url and their locale overrides) is an https URL;
// - namespace: the custom functions namespace string is exactly "HR";
// - runtime: the shared runtime, the custom functions page and the FunctionFile load one URL.
//
// It prints one line per problem ("file:line: error [check]: what"), then a summary line, and
// exits 1 when there is any error, 0 otherwise. The checks are exported for reuse.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { validateXML } from "xmllint-wasm";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  taskpane: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
};

export const EXPECTED_NAMESPACE = "HR";
export const SCHEMA_ENTRY = "OfficeAppManifestV1_1.xsd";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The folder holding the Office manifest XSDs: $OFFICE_MANIFEST_SCHEMAS, else the repo's own schemas/office-manifest. */
export function schemasDir() {
  const fromEnv = process.env.OFFICE_MANIFEST_SCHEMAS;
  return fromEnv ? path.resolve(fromEnv) : path.join(REPO_ROOT, "schemas", "office-manifest");
}

/** The files validated when none are given: manifest.xml, and dist/manifest.xml if it was built. */
export function defaultManifestFiles(root = REPO_ROOT) {
  const files = [path.join(root, "manifest.xml")];
  const dist = path.join(root, "dist", "manifest.xml");
  if (existsSync(dist)) files.push(dist);
  return files;
}

function problem(severity, check, message, line) {
  return { severity, check, message, line: line ?? null };
}

// ---------------------------------------------------------------------------------------------
// The DOM: @xmldom/xmldom, with each node's line from its locator.

const ELEMENT_NODE = 1;

/**
 * Parses XML text into { root }, the document element. Throws on malformed input an Error whose
 * message is xmldom's first complaint and whose `line` is where xmldom found it.
 */
export function parseXml(text) {
  let first;
  const parser = new DOMParser({
    onError(level, message, handler) {
      if (level === "warning") return;
      first ??= { message, line: handler?.locator?.lineNumber };
      throw new Error(message);
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text.replace(/^\uFEFF/, ""), "text/xml");
  } catch (err) {
    throw Object.assign(new Error(first?.message ?? (err instanceof Error ? err.message : String(err))), { line: first?.line });
  }
  if (!doc.documentElement) throw new Error("no root element");
  return { root: doc.documentElement };
}

/** An element's child elements, in document order. */
function childElements(el) {
  return [...el.childNodes].filter((n) => n.nodeType === ELEMENT_NODE);
}

/** Every element under (and including) el, in document order. */
export function* elements(el) {
  yield el;
  for (const child of childElements(el)) yield* elements(child);
}

/** An attribute by local name and namespace ("" for no namespace). */
function attribute(el, local, ns = "") {
  return el.hasAttributeNS(ns || null, local) ? el.getAttributeNS(ns || null, local) : undefined;
}

/** The local part of an element's xsi:type, e.g. "CustomFunctions". */
function xsiType(el) {
  const value = attribute(el, "type", NS.xsi)?.trim();
  return value === undefined ? undefined : value.slice(value.indexOf(":") + 1);
}

function ancestor(el, local) {
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) if (p.localName === local) return p;
  return undefined;
}

function where(el) {
  return `<${el.tagName}>`;
}

// ---------------------------------------------------------------------------------------------
// Resources and resids

export const RESOURCE_KINDS = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** Which kind of resource a resid on each element must name; other elements may name any kind. */
const EXPECTED_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Runtime: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/**
 * The resources defined in the Resources element of a VersionOverrides:
 * Map<id, { id, kind, el, value, overrides: [{ locale, value, el }] }>, plus duplicate problems.
 */
export function collectResources(versionOverrides) {
  const resources = new Map();
  const problems = [];
  for (const res of childElements(versionOverrides).filter((c) => c.localName === "Resources")) {
    for (const group of childElements(res)) {
      if (!RESOURCE_KINDS.includes(group.localName)) continue;
      for (const item of childElements(group)) {
        const id = attribute(item, "id");
        if (id === undefined) continue;
        if (resources.has(id)) {
          const first = resources.get(id);
          problems.push(problem("error", "resid", `resource id "${id}" is defined twice (${first.kind} line ${first.el.lineNumber} and ${group.localName})`, item.lineNumber));
          continue;
        }
        const overrides = childElements(item)
          .filter((c) => c.localName === "Override")
          .map((o) => ({ locale: attribute(o, "Locale"), value: attribute(o, "Value"), el: o }));
        resources.set(id, { id, kind: group.localName, el: item, value: attribute(item, "DefaultValue"), overrides });
      }
    }
  }
  return { resources, problems };
}

/** The innermost VersionOverrides around el (resids resolve against its Resources). */
function scopeOf(el) {
  return el.localName === "VersionOverrides" ? el : ancestor(el, "VersionOverrides");
}

function resourceScopes(root) {
  const scopes = new Map();
  for (const el of elements(root)) {
    if (el.localName === "VersionOverrides") scopes.set(el, collectResources(el));
  }
  return scopes;
}

/** Looks up the resource a resid names, or undefined. */
export function resolveResid(doc, el) {
  const resid = attribute(el, "resid");
  const scope = scopeOf(el);
  if (resid === undefined || !scope) return undefined;
  return collectResources(scope).resources.get(resid);
}

/** Every resid names a resource of the kind its element needs; unused resources are warnings. */
export function checkResids(doc) {
  const problems = [];
  const scopes = resourceScopes(doc.root);
  for (const { problems: duplicates } of scopes.values()) problems.push(...duplicates);
  const used = new Set();
  for (const el of elements(doc.root)) {
    const resid = attribute(el, "resid");
    if (resid === undefined) continue;
    const scope = scopeOf(el);
    const found = scope && scopes.get(scope).resources.get(resid);
    const expected = EXPECTED_KIND[el.localName];
    if (!found) {
      problems.push(problem("error", "resid", `resid "${resid}" on ${where(el)} is not defined in Resources${expected ? ` (expected in ${expected})` : ""}`, el.lineNumber));
      continue;
    }
    used.add(found);
    if (expected && found.kind !== expected) {
      problems.push(problem("error", "resid", `resid "${resid}" on ${where(el)} names a resource in ${found.kind}, but ${el.localName} needs one in ${expected}`, el.lineNumber));
    }
  }
  for (const { resources } of scopes.values()) {
    for (const r of resources.values()) {
      if (!used.has(r)) problems.push(problem("warning", "resid", `resource "${r.id}" in ${r.kind} is never used`, r.el.lineNumber));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// URLs

/** Elements whose DefaultValue (and Override Value) is a URL. Image and Url only as resources. */
const URL_SETTINGS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);

/** Every URL the manifest gives: { value, what, line }. */
export function collectUrls(doc) {
  const urls = [];
  for (const el of elements(doc.root)) {
    if (el.localName === "AppDomain") {
      urls.push({ value: el.textContent.trim(), what: where(el), line: el.lineNumber });
      continue;
    }
    if (!URL_SETTINGS.has(el.localName)) continue;
    const value = attribute(el, "DefaultValue");
    if (value !== undefined) urls.push({ value, what: `${where(el)} DefaultValue`, line: el.lineNumber });
    for (const o of childElements(el).filter((c) => c.localName === "Override")) {
      const v = attribute(o, "Value");
      if (v !== undefined) urls.push({ value: v, what: `${where(el)} Override ${attribute(o, "Locale") ?? ""} Value`.replace("  ", " "), line: o.lineNumber });
    }
  }
  return urls;
}

export function isHttpsUrl(value) {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Every URL is https. */
export function checkUrls(doc) {
  return collectUrls(doc)
    .filter((u) => !isHttpsUrl(u.value))
    .map((u) => problem("error", "https", `${u.what} "${u.value}" is not an https URL`, u.line));
}

// ---------------------------------------------------------------------------------------------
// Custom functions: namespace and shared runtime

function customFunctionsPoints(doc) {
  return [...elements(doc.root)].filter((el) => el.localName === "ExtensionPoint" && xsiType(el) === "CustomFunctions");
}

/** The custom functions namespace string is exactly `expected` (default "HR"), in every locale. */
export function checkNamespace(doc, expected = EXPECTED_NAMESPACE) {
  const points = customFunctionsPoints(doc);
  if (points.length === 0) {
    return [problem("error", "namespace", `no <ExtensionPoint xsi:type="CustomFunctions">: the ${expected}.* functions would not be registered`, doc.root.lineNumber)];
  }
  const problems = [];
  for (const point of points) {
    const ns = childElements(point).find((c) => c.localName === "Namespace");
    if (!ns) {
      problems.push(problem("error", "namespace", `custom functions have no <Namespace>; expected one whose string is "${expected}"`, point.lineNumber));
      continue;
    }
    const resource = resolveResid(doc, ns);
    if (!resource) continue; // checkResids reports the unresolved resid
    if (resource.value !== expected) {
      problems.push(problem("error", "namespace", `custom functions namespace is "${resource.value ?? ""}" (string "${resource.id}"), expected exactly "${expected}"`, resource.el.lineNumber));
    }
    for (const o of resource.overrides) {
      if (o.value !== expected) {
        problems.push(problem("error", "namespace", `custom functions namespace for ${o.locale ?? "a locale"} is "${o.value ?? ""}", expected exactly "${expected}"`, o.el.lineNumber));
      }
    }
  }
  return problems;
}

/**
 * With a shared runtime (<Runtimes><Runtime resid>), the custom functions <Page> and the
 * <FunctionFile> must load the runtime's own URL, or they run in a runtime of their own.
 */
export function checkSharedRuntime(doc) {
  const problems = [];
  for (const runtime of [...elements(doc.root)].filter((el) => el.localName === "Runtime" && ancestor(el, "Runtimes"))) {
    const host = ancestor(runtime, "Host");
    const shared = resolveResid(doc, runtime);
    if (!host || !shared) continue;
    const loaders = [...elements(host)].filter(
      (el) => (el.localName === "SourceLocation" && el.parentNode.localName === "Page") || el.localName === "FunctionFile",
    );
    for (const el of loaders) {
      const r = resolveResid(doc, el);
      if (r && r.value !== shared.value) {
        const what = el.localName === "FunctionFile" ? "<FunctionFile>" : "custom functions <Page>";
        problems.push(problem("error", "runtime", `${what} loads "${r.value}" (${r.id}), not the shared runtime's "${shared.value}" (${shared.id})`, el.lineNumber));
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Schema

/** Reads the entry schema and the schemas it imports (every other .xsd in the folder). */
export function loadSchemas(dir = schemasDir()) {
  const entry = path.join(dir, SCHEMA_ENTRY);
  if (!existsSync(entry)) {
    throw new Error(`Office manifest schemas not found: ${entry} is missing (set OFFICE_MANIFEST_SCHEMAS to the folder holding ${SCHEMA_ENTRY})`);
  }
  const preload = readdirSync(dir)
    .filter((f) => f.endsWith(".xsd") && f !== SCHEMA_ENTRY)
    .sort()
    .map((f) => ({ fileName: f, contents: readFileSync(path.join(dir, f), "utf8") }));
  return { dir, schema: [{ fileName: SCHEMA_ENTRY, contents: readFileSync(entry, "utf8") }], preload };
}

function shortenNamespaces(message) {
  return message
    .replace(/^Schemas validity error\s*:\s*/, "")
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]*\}/g, "")
    .replace(/\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}/g, "xsi:");
}

/** XSD validation with xmllint-wasm; schemas is loadSchemas()'s result. */
export async function validateSchema(xml, { fileName = "manifest.xml", schemas = loadSchemas() } = {}) {
  const name = path.basename(fileName).replace(/[^A-Za-z0-9._]/g, "_").replace(/^[-.]+/, "") || "manifest.xml";
  let result;
  try {
    result = await validateXML({ xml: [{ fileName: name, contents: xml }], schema: schemas.schema, preload: schemas.preload });
  } catch (err) {
    const lines = String(err instanceof Error ? err.message : err).split("\n").filter((l) => l.trim());
    return lines.map((l) => problem("error", "schema", `xmllint: ${l.replace(`${name}:`, "").trim()}`));
  }
  if (result.valid) return [];
  const located = result.errors.filter((e) => e.loc);
  const errors = located.length > 0 ? located : result.errors.filter((e) => e.message.trim());
  return errors.map((e) => {
    const message = shortenNamespaces(e.message.trim());
    return problem("error", /^parser error/.test(message) ? "xml" : "schema", message, e.loc?.lineNumber);
  });
}

// ---------------------------------------------------------------------------------------------
// Putting it together

/** All checks on one manifest's text: schema first, then resids, URLs, namespace and runtime. */
export async function validateManifestText(xml, { fileName = "manifest.xml", schemas, expectedNamespace = EXPECTED_NAMESPACE } = {}) {
  const problems = [];
  try {
    problems.push(...(await validateSchema(xml, { fileName, schemas: schemas ?? loadSchemas() })));
  } catch (err) {
    problems.push(problem("error", "schema", err instanceof Error ? err.message : String(err)));
  }
  let doc;
  try {
    doc = parseXml(xml);
  } catch (err) {
    // A parser error from xmllint already says this; otherwise say it here.
    if (!problems.some((p) => p.check === "xml")) {
      problems.push(problem("error", "xml", `not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, err?.line));
    }
    return problems;
  }
  problems.push(...checkResids(doc), ...checkUrls(doc), ...checkNamespace(doc, expectedNamespace), ...checkSharedRuntime(doc));
  return problems;
}

export async function validateManifestFile(file, options = {}) {
  let xml;
  try {
    xml = readFileSync(file, "utf8");
  } catch (err) {
    return [problem("error", "file", `cannot read: ${err instanceof Error ? err.message : String(err)}`)];
  }
  return validateManifestText(xml, { ...options, fileName: file });
}

export function formatProblem(file, p) {
  return `${file}${p.line ? `:${p.line}` : ""}: ${p.severity} [${p.check}]: ${p.message}`;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export async function main(args = process.argv.slice(2)) {
  const files = args.length > 0 ? args.map((f) => path.resolve(f)) : defaultManifestFiles();
  let schemas;
  let schemaError;
  try {
    schemas = loadSchemas();
  } catch (err) {
    schemaError = err instanceof Error ? err.message : String(err);
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith("..") ? relative : file;
    const problems = schemaError
      ? [problem("error", "schema", schemaError)]
      : await validateManifestFile(file, { schemas });
    for (const p of problems) {
      console.log(formatProblem(shown, p));
      if (p.severity === "error") errors++;
      else warnings++;
    }
  }
  const verdict = errors > 0 ? "FAILED" : "OK";
  console.log(`validate-manifest: ${verdict}: ${plural(files.length, "file")} checked, ${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.log(`validate-manifest: FAILED: ${err instanceof Error ? err.stack : String(err)}`);
      process.exitCode = 1;
    },
  );
}
