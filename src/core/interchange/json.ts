import { z } from "zod";
import type { CriterionInput, FrameworkInput, RoleInput } from "../framework";
import { FrameworkInputSchema } from "../framework";
import type { Framework } from "../model";
import { jsonErrorOffset } from "./json-position";
import type { ImportProblem, ImportResult, Locator } from "./result";
import { finishImport, jsonPointer } from "./result";

/** Where the published JSON Schema of our framework JSON lives in the repository. */
export const FRAMEWORK_SCHEMA_FILE = "schemas/framework.schema.json";

/** The JSON Schema of our framework JSON, generated from the zod schema so the two never drift apart. */
export function frameworkJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FrameworkInputSchema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "hr-competency framework",
    description:
      "A competency framework as hr-competency reads and writes it: metadata, scale, ordered levels, roles with their headings and criteria. Generated from src/core/framework.ts by scripts/write-framework-schema.mjs; do not edit by hand.",
    ...rest,
  };
}

const omitUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The input form of a resolved framework: everything explicit, so nothing depends on defaults that may change. */
export function toFrameworkInput(framework: Framework): FrameworkInput {
  return omitUndefined({
    id: framework.id,
    title: framework.title,
    publisher: framework.publisher,
    source: omitUndefined({ ...framework.source }),
    version: framework.version,
    scale: omitUndefined({ ...framework.scale, labels: framework.scale.labels.map((l) => ({ value: l.value, label: l.label })) }),
    levels: framework.implicitLevel ? [] : framework.levels.map((l) => omitUndefined({ ...l })),
    defaultPriority: framework.defaultPriority,
    roles: framework.roles.map(
      (role): RoleInput =>
        omitUndefined({
          id: role.id,
          title: role.title,
          grade: role.grade,
          purpose: role.purpose,
          duties: role.duties.map((d) => omitUndefined({ ...d })),
          notes: role.notes.length > 0 ? role.notes : undefined,
          headings: role.headings.length > 0 ? role.headings.map((h) => omitUndefined({ ...h })) : undefined,
          criteria: role.criteria.map(
            (c): CriterionInput =>
              omitUndefined({
                id: c.id,
                level: framework.implicitLevel ? undefined : c.level,
                category: c.category,
                text: c.text,
                priority: c.priority,
                sourceId: c.sourceId,
                code: c.code,
                heading: c.heading,
                description: c.description,
                related: c.related,
              }),
          ),
          sourceId: role.sourceId,
          code: role.code,
        }),
    ),
  });
}

/** Our framework JSON, pretty-printed; it validates against the published schema (FRAMEWORK_SCHEMA_FILE). */
export function exportFrameworkJson(framework: Framework): string {
  return JSON.stringify(toFrameworkInput(framework), null, 2) + "\n";
}

/** "line 3, column 14" for a character offset in a text. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Parses JSON, or says where it stops being JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const offset = jsonErrorOffset(body);
    const found = offset < body.length ? `unexpected ${JSON.stringify(body[offset])}` : "the text ends too early";
    return { ok: false, problem: { location: lineColumn(body, offset), message: `This is not valid JSON: ${found}. Fix the file there, or export it again from the program that made it.` } };
  }
}

/** `roles[0].criteria[3].id` -> `/roles/0/criteria/3/id`. */
const pathToPointer: Locator = {
  locate: (path) => jsonPointer(...path.split(/\.|\[|\]/).filter((s) => s !== "")) || "/",
};

/** Reads our framework JSON: every problem comes back with its JSON pointer. */
export function importFrameworkJson(text: string): ImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  return importFrameworkObject(parsed.value);
}

/** Properties the schema does not know are left out; the analyst hears which, since they would be lost. */
export function importFrameworkObject(value: unknown): ImportResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ location: "/", message: "The file holds no framework object: expected {\"id\": ..., \"title\": ..., \"roles\": [...]}." }] };
  }
  const warnings = unknownProperties(value as Record<string, unknown>).map((pointer) => ({
    location: pointer,
    message: `Property ${pointer.split("/").pop()} is not part of a framework and is left out.`,
  }));
  return finishImport(value as FrameworkInput, pathToPointer, [], warnings);
}

/** JSON pointers of the properties the framework schema does not define (the `$schema` link aside). */
function unknownProperties(value: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: unknown, schema: z.ZodType, pointer: (string | number)[]) => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject && typeof node === "object" && node !== null && !Array.isArray(node)) {
      const shape = inner.shape as Record<string, z.ZodType>;
      for (const [key, child] of Object.entries(node)) {
        if (key in shape) walk(child, shape[key], [...pointer, key]);
        else if (!(pointer.length === 0 && key === "$schema")) found.push(jsonPointer(...pointer, key));
      }
    } else if (inner instanceof z.ZodArray && Array.isArray(node)) {
      node.forEach((item, i) => walk(item, inner.element as z.ZodType, [...pointer, i]));
    }
  };
  walk(value, FrameworkInputSchema, []);
  return found;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodPipe) s = s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType) : (s.in as z.ZodType);
  return s;
}
