import fc from "fast-check";
import type { CriterionInput, FrameworkInput, Heading, Priority, RoleInput } from "../../../src/core/framework";
import type { Framework } from "../../../src/core/model";
import { buildFramework } from "../../../src/core/validate";

/** How many frameworks each round-trip property tries; the report quotes it. */
export const PROPERTY_RUNS = 150;

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/);
/** Free text as sources have it: Unicode, punctuation, inner line breaks, text Excel would take for a formula. */
const freeText = fc
  .tuple(
    fc.constantFrom("", "=", "+", "-", "@", "«", "Ü"),
    fc.array(fc.oneof(word, fc.constantFrom("—", "&", "<b>", "é", "日本", "\n", "1.2", "'", '"')), { minLength: 1, maxLength: 6 }),
  )
  .map(([lead, parts]) => `${lead}${parts.join(" ")}`.trim())
  .filter((t) => t !== "" && !/^\s|\s$/.test(t));
const slugArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);
const idStem = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,6}([-_.][A-Za-z0-9]{1,3}){0,1}$/);
/** A source code that is often not fit to be an id (spaces, leading digits, too long). */
const sourceCode = fc.oneof(fc.stringMatching(/^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$/), fc.stringMatching(/^[A-Z]{2,4} [0-9]{1,3}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{24,40}$/));
const priorityArb = fc.constantFrom<Priority>("essential", "desirable", "unspecified");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const uuidArb = fc.uuid().map((u) => u.toLowerCase());

const scaleArb = fc
  .record({ min: fc.integer({ min: 0, max: 1 }), size: fc.integer({ min: 2, max: 6 }), meetsAt: fc.nat(), labels: fc.array(word, { minLength: 6, maxLength: 6 }), withDefault: fc.boolean() })
  .map(({ min, size, meetsAt, labels, withDefault }) => ({
    min,
    max: min + size - 1,
    meets: min + (meetsAt % size),
    labels: Array.from({ length: size }, (_, i) => ({ value: min + i, label: `${labels[i]} ${i}` })),
    ...(withDefault ? { defaultValue: min } : {}),
  }));

interface RoleShape {
  id: string;
  title: string;
  grade?: string;
  purpose?: string;
  duties: { area?: string; text: string }[];
  notes?: string[];
  headings: { text: string; code?: string; description?: string; parentPick: number }[];
  criteria: { stem: string; category: string; text: string; priority?: Priority; code?: string; description?: string; headingPick: number; levelPick: number; related: boolean }[];
}

const roleShape = fc.record({
  id: slugArb,
  title: freeText,
  grade: maybe(freeText),
  purpose: maybe(freeText),
  duties: fc.array(fc.record({ area: maybe(freeText), text: freeText }, { requiredKeys: ["text"] }), { maxLength: 2 }),
  notes: maybe(fc.array(freeText, { minLength: 1, maxLength: 2 })),
  headings: fc.array(fc.record({ text: freeText, code: maybe(sourceCode), description: maybe(freeText), parentPick: fc.nat() }), { maxLength: 3 }),
  criteria: fc.array(
    fc.record({
      stem: idStem,
      category: fc.constantFrom("Knowledge", "Skills", "Role", "Level", "Customer Service Champion"),
      text: freeText,
      priority: maybe(priorityArb),
      code: maybe(sourceCode),
      description: maybe(freeText),
      headingPick: fc.nat(),
      levelPick: fc.nat(),
      related: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
});

/**
 * Any valid framework: with or without levels and scale, several roles, headings nested under
 * headings, codes that do not fit as ids, source ids that are and are not UUIDs, cross-references.
 * Every heading has a criterion of its own and criteria are listed in hierarchy order, as in
 * any hierarchical source (a CASE file has no other order to keep).
 */
export const frameworkInputArb: fc.Arbitrary<FrameworkInput> = fc
  .record({
    id: slugArb,
    title: freeText,
    publisher: freeText,
    document: freeText,
    date: maybe(fc.constantFrom("2024", "2024-12", "2015-08-13")),
    url: maybe(fc.constantFrom("https://example.org/framework", "https://example.org/a?b=c")),
    seed: maybe(word),
    identifier: maybe(fc.oneof(uuidArb, fc.constantFrom("doc-1", "urn:x:framework"))),
    version: maybe(fc.constantFrom("1", "2.0", "2024-12")),
    scale: maybe(scaleArb),
    levels: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[A-Z0-9][A-Za-z0-9-]{0,3}$/), name: freeText, sourceId: maybe(uuidArb) }), { maxLength: 3, selector: (l) => l.id }),
    defaultPriority: priorityArb,
    roles: fc.uniqueArray(roleShape, { minLength: 1, maxLength: 3, selector: (r) => r.id }),
    sourceIds: fc.boolean(),
    /** Sometimes the one role an import makes for a source without roles, which CASE carries as the document. */
    implicitRole: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  })
  .map((f) => {
    let serial = 0;
    const allCodes: string[] = [];
    const roles: RoleInput[] = f.roles.map((shape: RoleShape, r) => {
      const headings: Heading[] = shape.headings.map((h, i) => ({
        id: `H${r}x${i}`,
        ...(i > 0 && h.parentPick % 2 === 1 ? { parent: `H${r}x${h.parentPick % i}` } : {}),
        text: h.text,
        ...(h.code !== undefined ? { code: h.code } : {}),
        ...(h.description !== undefined ? { description: h.description } : {}),
        ...(f.sourceIds ? { sourceId: i % 2 === 0 ? `heading-${r}-${i}` : uuidOf(serial++) } : {}),
      }));
      const shapes: RoleShape["criteria"] = [
        // One criterion per heading, so no heading is empty.
        ...headings.map((h, i) => ({ stem: `K${r}x${i}`, category: "Knowledge", text: `${h.text} (criterion)`, headingPick: i, levelPick: i, related: false })),
        ...shape.criteria,
      ];
      const criteria: CriterionInput[] = shapes.map((c, i) => {
        const id = `${c.stem}n${r}x${i}`;
        const heading = headings.length > 0 && (i < headings.length || c.headingPick % 3 !== 0) ? headings[i < headings.length ? i : c.headingPick % headings.length].id : undefined;
        const criterion: CriterionInput = {
          id,
          ...(f.levels.length > 0 ? { level: f.levels[c.levelPick % f.levels.length].id } : {}),
          category: c.category,
          text: c.text,
          ...(c.priority !== undefined ? { priority: c.priority } : {}),
          ...(c.code !== undefined ? { code: c.code } : {}),
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(heading !== undefined ? { heading } : {}),
          ...(f.sourceIds ? { sourceId: i % 2 === 0 ? `item-${r}-${i}` : uuidOf(serial++) } : {}),
        };
        if (c.related && allCodes.length > 0) criterion.related = [allCodes[i % allCodes.length], "EXTERNAL-9"];
        allCodes.push(criterion.code ?? id);
        return criterion;
      });
      const implicit = f.implicitRole && r === 0;
      return {
        id: implicit ? f.id : shape.id,
        title: implicit ? f.title : shape.title,
        ...(shape.grade !== undefined && !implicit ? { grade: shape.grade } : {}),
        ...(shape.purpose !== undefined ? { purpose: shape.purpose } : {}),
        duties: implicit ? [] : shape.duties.map((d) => (d.area !== undefined ? { area: d.area, text: d.text } : { text: d.text })),
        ...(shape.notes !== undefined && !implicit ? { notes: shape.notes } : {}),
        ...(headings.length > 0 ? { headings: preOrder(headings) } : {}),
        criteria: hierarchyOrder(criteria, headings),
        ...(f.sourceIds && !implicit ? { sourceId: `role-${r}` } : {}),
      };
    });
    if (f.implicitRole) roles.splice(1);
    const input: FrameworkInput = {
      id: f.id,
      title: f.title,
      publisher: f.publisher,
      source: {
        document: f.document,
        ...(f.date !== undefined ? { date: f.date } : {}),
        ...(f.url !== undefined ? { url: f.url } : {}),
        ...(f.seed !== undefined ? { seed: f.seed } : {}),
        ...(f.identifier !== undefined ? { identifier: f.identifier } : {}),
      },
      ...(f.version !== undefined ? { version: f.version } : {}),
      ...(f.scale !== undefined ? { scale: f.scale } : {}),
      levels: f.levels.map((l) => (l.sourceId !== undefined ? l : { id: l.id, name: l.name })),
      defaultPriority: f.defaultPriority,
      roles,
    };
    return input;
  });

/** A deterministic UUID per serial number, so source ids never repeat within a framework. */
function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Headings parents first, each followed by its whole subtree: the order a hierarchy is read in. */
function preOrder(headings: Heading[]): Heading[] {
  const out: Heading[] = [];
  const visit = (parent: string | undefined) => {
    for (const h of headings.filter((x) => x.parent === parent)) {
      out.push(h);
      visit(h.id);
    }
  };
  visit(undefined);
  return out;
}

/** Criteria in depth-first hierarchy order: a parent's own criteria first, then each child heading's, headings in order. */
function hierarchyOrder(criteria: CriterionInput[], headings: Heading[]): CriterionInput[] {
  const out: CriterionInput[] = [];
  const visit = (parent: string | undefined) => {
    out.push(...criteria.filter((c) => c.heading === parent));
    for (const h of headings.filter((x) => x.parent === parent)) visit(h.id);
  };
  visit(undefined);
  return out;
}

/** The generated input, validated and resolved; generation is meant to give only valid frameworks, so anything else fails loudly. */
export const frameworkArb: fc.Arbitrary<Framework> = frameworkInputArb.map((input) => {
  const result = buildFramework(input);
  if (!result.ok) throw new Error(`generator made an invalid framework: ${JSON.stringify(result.problems)}`);
  return result.framework;
});
