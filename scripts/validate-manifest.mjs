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
//   imports preloaded, from ../shared/schemas/office-manifest (or $OFFICE_MANIFEST_SCHEMAS);
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

/** The folder holding the Office manifest XSDs: $OFFICE_MANIFEST_SCHEMAS, else ../shared/schemas/office-manifest beside the repo. */
export function schemasDir() {
  const fromEnv = process.env.OFFICE_MANIFEST_SCHEMAS;
  return fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, "..", "shared", "schemas", "office-manifest");
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
// A small XML reader: enough for a well-formed manifest (elements, attributes, namespaces, text,
// comments, CDATA, processing instructions, a doctype), with the line of each element.

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

function splitName(qname) {
  const colon = qname.indexOf(":");
  return colon < 0 ? { prefix: "", local: qname } : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}

function lookupNamespace(element, prefix) {
  for (let el = element; el; el = el.parent) {
    const key = prefix ? `xmlns:${prefix}` : "xmlns";
    if (el.attrs.has(key)) return el.attrs.get(key);
  }
  if (prefix === "xml") return NS.xml;
  return prefix ? undefined : "";
}

/**
 * Parses XML text into { root } where each element is
 * { name, prefix, local, ns, attrs: Map<qname, value>, children, parent, line, text }.
 * Throws on malformed input, with the line.
 */
export function parseXml(text) {
  const src = text.replace(/^\uFEFF/, "");
  const doc = { children: [], parent: null, attrs: new Map() };
  const stack = [doc];
  let i = 0;
  let line = 1;
  const advance = (to) => {
    for (let k = i; k < to; k++) if (src.charCodeAt(k) === 10) line++;
    i = to;
  };
  const fail = (message) => {
    throw new Error(`line ${line}: ${message}`);
  };
  const top = () => stack[stack.length - 1];
  const addText = (t) => {
    const el = top();
    if (el !== doc) el.text += t;
  };
  const startTag = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const endTag = /<\/([^\s>]+)\s*>/y;
  const attrRe = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

  while (i < src.length) {
    const lt = src.indexOf("<", i);
    if (lt < 0) {
      addText(decodeEntities(src.slice(i)));
      advance(src.length);
      break;
    }
    if (lt > i) {
      addText(decodeEntities(src.slice(i, lt)));
      advance(lt);
    }
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment");
      advance(end + 3);
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i + 9);
      if (end < 0) fail("unterminated CDATA section");
      addText(src.slice(i + 9, end));
      advance(end + 3);
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) fail("unterminated processing instruction");
      advance(end + 2);
    } else if (src.startsWith("<!", i)) {
      const close = /<![^[>]*(\[[^\]]*\])?\s*>/y;
      close.lastIndex = i;
      const m = close.exec(src);
      if (!m) fail("unterminated declaration");
      advance(i + m[0].length);
    } else if (src.startsWith("</", i)) {
      endTag.lastIndex = i;
      const m = endTag.exec(src);
      if (!m) fail("malformed end tag");
      const el = top();
      if (el === doc || el.name !== m[1]) fail(`end tag </${m[1]}> does not match <${el.name ?? ""}>`);
      stack.pop();
      advance(i + m[0].length);
    } else {
      startTag.lastIndex = i;
      const m = startTag.exec(src);
      if (!m) fail("malformed start tag");
      const parent = top();
      const el = { name: m[1], ...splitName(m[1]), ns: "", attrs: new Map(), children: [], parent, line, text: "" };
      for (const a of m[2].matchAll(attrRe)) {
        if (el.attrs.has(a[1])) fail(`duplicate attribute ${a[1]} on <${el.name}>`);
        el.attrs.set(a[1], decodeEntities(a[2] ?? a[3]));
      }
      const ns = lookupNamespace(el, el.prefix);
      if (ns === undefined) fail(`undeclared namespace prefix "${el.prefix}" on <${el.name}>`);
      el.ns = ns;
      if (parent === doc && doc.children.length > 0) fail("more than one root element");
      parent.children.push(el);
      advance(i + m[0].length);
      if (!m[3]) stack.push(el);
    }
  }
  if (stack.length > 1) fail(`<${top().name}> is not closed`);
  if (doc.children.length !== 1) fail("no root element");
  return { root: doc.children[0] };
}

/** Every element under (and including) el, in document order. */
export function* elements(el) {
  yield el;
  for (const child of el.children) yield* elements(child);
}

/** An attribute by local name and namespace ("" for no namespace). */
function attribute(el, local, ns = "") {
  for (const [qname, value] of el.attrs) {
    if (qname === "xmlns" || qname.startsWith("xmlns:")) continue;
    const { prefix, local: l } = splitName(qname);
    if (l !== local) continue;
    const attrNs = prefix ? lookupNamespace(el, prefix) : "";
    if (attrNs === ns) return value;
  }
  return undefined;
}

/** The local part of an element's xsi:type, e.g. "CustomFunctions". */
function xsiType(el) {
  const value = attribute(el, "type", NS.xsi);
  return value === undefined ? undefined : splitName(value.trim()).local;
}

function ancestor(el, local) {
  for (let p = el.parent; p && p.name; p = p.parent) if (p.local === local) return p;
  return undefined;
}

function where(el) {
  return `<${el.name}>`;
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
  for (const res of versionOverrides.children.filter((c) => c.local === "Resources")) {
    for (const group of res.children) {
      if (!RESOURCE_KINDS.includes(group.local)) continue;
      for (const item of group.children) {
        const id = attribute(item, "id");
        if (id === undefined) continue;
        if (resources.has(id)) {
          const first = resources.get(id);
          problems.push(problem("error", "resid", `resource id "${id}" is defined twice (${first.kind} line ${first.el.line} and ${group.local})`, item.line));
          continue;
        }
        const overrides = item.children
          .filter((c) => c.local === "Override")
          .map((o) => ({ locale: attribute(o, "Locale"), value: attribute(o, "Value"), el: o }));
        resources.set(id, { id, kind: group.local, el: item, value: attribute(item, "DefaultValue"), overrides });
      }
    }
  }
  return { resources, problems };
}

/** The innermost VersionOverrides around el (resids resolve against its Resources). */
function scopeOf(el) {
  return el.local === "VersionOverrides" ? el : ancestor(el, "VersionOverrides");
}

function resourceScopes(root) {
  const scopes = new Map();
  for (const el of elements(root)) {
    if (el.local === "VersionOverrides") scopes.set(el, collectResources(el));
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
    const expected = EXPECTED_KIND[el.local];
    if (!found) {
      problems.push(problem("error", "resid", `resid "${resid}" on ${where(el)} is not defined in Resources${expected ? ` (expected in ${expected})` : ""}`, el.line));
      continue;
    }
    used.add(found);
    if (expected && found.kind !== expected) {
      problems.push(problem("error", "resid", `resid "${resid}" on ${where(el)} names a resource in ${found.kind}, but ${el.local} needs one in ${expected}`, el.line));
    }
  }
  for (const { resources } of scopes.values()) {
    for (const r of resources.values()) {
      if (!used.has(r)) problems.push(problem("warning", "resid", `resource "${r.id}" in ${r.kind} is never used`, r.el.line));
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
    if (el.local === "AppDomain") {
      urls.push({ value: el.text.trim(), what: where(el), line: el.line });
      continue;
    }
    if (!URL_SETTINGS.has(el.local)) continue;
    const value = attribute(el, "DefaultValue");
    if (value !== undefined) urls.push({ value, what: `${where(el)} DefaultValue`, line: el.line });
    for (const o of el.children.filter((c) => c.local === "Override")) {
      const v = attribute(o, "Value");
      if (v !== undefined) urls.push({ value: v, what: `${where(el)} Override ${attribute(o, "Locale") ?? ""} Value`.replace("  ", " "), line: o.line });
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
  return [...elements(doc.root)].filter((el) => el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions");
}

/** The custom functions namespace string is exactly `expected` (default "HR"), in every locale. */
export function checkNamespace(doc, expected = EXPECTED_NAMESPACE) {
  const points = customFunctionsPoints(doc);
  if (points.length === 0) {
    return [problem("error", "namespace", `no <ExtensionPoint xsi:type="CustomFunctions">: the ${expected}.* functions would not be registered`, doc.root.line)];
  }
  const problems = [];
  for (const point of points) {
    const ns = point.children.find((c) => c.local === "Namespace");
    if (!ns) {
      problems.push(problem("error", "namespace", `custom functions have no <Namespace>; expected one whose string is "${expected}"`, point.line));
      continue;
    }
    const resource = resolveResid(doc, ns);
    if (!resource) continue; // checkResids reports the unresolved resid
    if (resource.value !== expected) {
      problems.push(problem("error", "namespace", `custom functions namespace is "${resource.value ?? ""}" (string "${resource.id}"), expected exactly "${expected}"`, resource.el.line));
    }
    for (const o of resource.overrides) {
      if (o.value !== expected) {
        problems.push(problem("error", "namespace", `custom functions namespace for ${o.locale ?? "a locale"} is "${o.value ?? ""}", expected exactly "${expected}"`, o.el.line));
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
  for (const runtime of [...elements(doc.root)].filter((el) => el.local === "Runtime" && ancestor(el, "Runtimes"))) {
    const host = ancestor(runtime, "Host");
    const shared = resolveResid(doc, runtime);
    if (!host || !shared) continue;
    const loaders = [...elements(host)].filter(
      (el) => (el.local === "SourceLocation" && el.parent.local === "Page") || el.local === "FunctionFile",
    );
    for (const el of loaders) {
      const r = resolveResid(doc, el);
      if (r && r.value !== shared.value) {
        const what = el.local === "FunctionFile" ? "<FunctionFile>" : "custom functions <Page>";
        problems.push(problem("error", "runtime", `${what} loads "${r.value}" (${r.id}), not the shared runtime's "${shared.value}" (${shared.id})`, el.line));
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
      problems.push(problem("error", "xml", `not well-formed XML: ${err instanceof Error ? err.message : String(err)}`));
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
