import type { CriterionInput, Duty, FrameworkInput, Heading, Level, Priority, RoleInput, Scale } from "../framework";
import { PrioritySchema } from "../framework";
import { CASE_EXTENSION_KEY, caseKeys, documentNamespace, ITEM_TYPE_CODES } from "./case-export";
import { deriveItemId, slugify, uniqueSlug } from "./ids";
import { parseJson } from "./json";
import type { ImportProblem, ImportResult } from "./result";
import { finishImport, jsonPointer, NO_PRIORITIES_WARNING, SourceMap } from "./result";
import { isUuid, shortHash, uuidV5 } from "./uuid";

/**
 * CASE 1.1 import (see case-export.ts for the mapping). Real packages are sloppy, so what can be
 * read is read and a warning says what was odd; only what makes a framework wrong (an item twice,
 * a loop in the hierarchy, a criterion with no text, a scale without a meets score) is a problem.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A string property, or undefined for null, a missing property or an empty string. */
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);
const ext = (v: unknown): Json => {
  const extensions = isObject(v) ? v[CASE_EXTENSION_KEY] : undefined;
  return isObject(extensions) ? extensions : {};
};
const LEVEL_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
/** An ISO date-time with a time zone, as CASE 1.1 asks; real files often leave the zone out. */
const ZONED_TIMESTAMP = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const CASE_1_0_PROPERTIES = ["CFPackageURI", "CFDocumentURI", "CFItemURI"];

interface ItemRecord {
  index: number;
  json: Json;
  identifier: string;
  typeTitle?: string;
  typeCode?: string;
}

interface Link {
  index: number;
  origin: string;
  destination: string;
  sequence?: number;
  grouping?: string;
}

export function importCase(textIn: string): ImportResult {
  const parsed = parseJson(textIn);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  return importCaseObject(parsed.value);
}

/** True when a parsed JSON value looks like a CASE CFPackage (it has a CFDocument object). */
export function isCasePackage(value: unknown): boolean {
  return isObject(value) && isObject(value.CFDocument);
}

export function importCaseObject(pkg: unknown): ImportResult {
  if (!isCasePackage(pkg)) {
    return { ok: false, problems: [{ location: "/CFDocument", message: "This is not a CASE package: it has no CFDocument object. Export the framework from the CASE tool as a CFPackage." }] };
  }
  const root = pkg as Json;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const warnedKinds = new Set<string>();
  /** Sloppy details are said once per kind, at their first place, with how many there are. */
  const oddities = new Map<string, { location: string; message: string; count: number }>();
  const odd = (kind: string, location: string, message: string) => {
    const seen = oddities.get(kind);
    if (seen) seen.count++;
    else oddities.set(kind, { location, message, count: 1 });
  };
  const warnOnce = (kind: string, location: string, message: string) => {
    if (!warnedKinds.has(kind)) {
      warnedKinds.add(kind);
      warnings.push({ location, message });
    }
  };

  for (const key of Object.keys(root)) {
    if (CASE_1_0_PROPERTIES.includes(key)) odd("case-1.0", jsonPointer(key), `${key} is a CASE 1.0 property; it is not needed and is left out.`);
    else if (!["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"].includes(key)) {
      warnings.push({ location: jsonPointer(key), message: `${key} is not part of a CASE package and is left out.` });
    }
  }
  const checkTimestamp = (value: unknown, pointer: string) => {
    if (typeof value === "string" && !ZONED_TIMESTAMP.test(value)) odd("timestamp", pointer, `Timestamps without a time zone (${value}); they are not needed and are left out.`);
  };
  const doc = root.CFDocument as Json;
  checkTimestamp(doc.lastChangeDateTime, "/CFDocument/lastChangeDateTime");
  for (const key of CASE_1_0_PROPERTIES) if (key in doc) odd("case-1.0", jsonPointer("CFDocument", key), `${key} is a CASE 1.0 property; it is not needed and is left out.`);

  const docExt = ext(doc.extensions);
  const title = text(doc.title) ?? "";
  const frameworkId = text(docExt.id) ?? (slugify(title) || "imported-framework");
  const docIdentifier = text(doc.identifier);
  if (docIdentifier === undefined) problems.push({ location: "/CFDocument/identifier", message: "The CFDocument has no identifier; give it one (a UUID) and import again." });
  const sourceIdentifier = text(docExt.sourceIdentifier) ?? (docIdentifier === documentNamespace(frameworkId, undefined) ? undefined : docIdentifier);
  const ns = documentNamespace(frameworkId, sourceIdentifier);
  const isDerived = (identifier: string, key: string) => identifier === uuidV5(ns, key);

  // Item types by identifier, so an item's type is read from its CFItemTypeURI before its free-text CFItemType.
  const definitions = isObject(root.CFDefinitions) ? root.CFDefinitions : {};
  const types = new Map<string, { title?: string; code?: string }>();
  (Array.isArray(definitions.CFItemTypes) ? definitions.CFItemTypes : []).forEach((t) => {
    if (isObject(t) && text(t.identifier)) types.set(text(t.identifier)!, { title: text(t.title), code: text(t.typeCode) });
  });
  const groupingTitles = new Map<string, string>();
  (Array.isArray(definitions.CFAssociationGroupings) ? definitions.CFAssociationGroupings : []).forEach((g) => {
    if (isObject(g) && text(g.identifier)) groupingTitles.set(text(g.identifier)!, text(g.title) ?? "");
  });

  // Items.
  const items = new Map<string, ItemRecord>();
  const rawItems = Array.isArray(root.CFItems) ? root.CFItems : [];
  rawItems.forEach((json, index) => {
    const pointer = jsonPointer("CFItems", index);
    if (!isObject(json)) {
      problems.push({ location: pointer, message: "A CFItem must be an object ({\"identifier\": ..., \"fullStatement\": ...}); fix or remove this entry." });
      return;
    }
    const identifier = text(json.identifier);
    if (identifier === undefined) {
      problems.push({ location: `${pointer}/identifier`, message: "This CFItem has no identifier; give it one (a UUID)." });
      return;
    }
    if (items.has(identifier)) {
      problems.push({ location: `${pointer}/identifier`, message: `Identifier ${identifier} is used by two CFItems (first at ${jsonPointer("CFItems", items.get(identifier)!.index)}); each item needs its own.` });
      return;
    }
    if (!isUuid(identifier)) odd("uuid", `${pointer}/identifier`, `Identifiers that are not UUIDs (${identifier}); they are kept as the items' source ids, and a CASE export gives those items new UUIDs.`);
    checkTimestamp(json.lastChangeDateTime, `${pointer}/lastChangeDateTime`);
    if ("CFDocumentURI" in json) odd("case-1.0", `${pointer}/CFDocumentURI`, "CFDocumentURI is a CASE 1.0 property; it is not needed and is left out.");
    const typeLink = isObject(json.CFItemTypeURI) ? types.get(text(json.CFItemTypeURI.identifier) ?? "") : undefined;
    items.set(identifier, { index, json, identifier, typeTitle: typeLink?.title ?? text(json.CFItemType), typeCode: typeLink?.code });
  });
  const kindOf = (item: ItemRecord): "role" | "level" | "category" | undefined => {
    const code = item.typeCode?.toLowerCase();
    if (code === ITEM_TYPE_CODES.role || code === ITEM_TYPE_CODES.level || code === ITEM_TYPE_CODES.category) return code;
    if (code !== undefined) return undefined;
    const title = item.typeTitle?.trim().toLowerCase();
    return title === "role" ? "role" : title === "level" ? "level" : undefined;
  };

  // Associations.
  const parentOf = new Map<string, Link>();
  const children = new Map<string, Link[]>();
  const skillLevel = new Map<string, Link>();
  const relatedOf = new Map<string, Link[]>();
  const inFile = (id: string) => items.has(id) || id === docIdentifier;
  (Array.isArray(root.CFAssociations) ? root.CFAssociations : []).forEach((a, index) => {
    const pointer = jsonPointer("CFAssociations", index);
    if (!isObject(a)) {
      problems.push({ location: pointer, message: "A CFAssociation must be an object ({\"associationType\": ..., \"originNodeURI\": ...}); fix or remove this entry." });
      return;
    }
    const type = text(a.associationType);
    const origin = isObject(a.originNodeURI) ? text(a.originNodeURI.identifier) : undefined;
    const destination = isObject(a.destinationNodeURI) ? text(a.destinationNodeURI.identifier) : undefined;
    if (type === undefined || origin === undefined || destination === undefined) {
      warnings.push({ location: pointer, message: "This association has no type, origin or destination and is left out." });
      return;
    }
    checkTimestamp(a.lastChangeDateTime, `${pointer}/lastChangeDateTime`);
    let sequence: number | undefined;
    if (typeof a.sequenceNumber === "number") sequence = a.sequenceNumber;
    else if (typeof a.sequenceNumber === "string" && a.sequenceNumber.trim() !== "" && Number.isFinite(Number(a.sequenceNumber))) {
      sequence = Number(a.sequenceNumber);
      odd("sequence-text", `${pointer}/sequenceNumber`, `sequenceNumber given as text ("${a.sequenceNumber}"); read as a number.`);
    }
    const link: Link = { index, origin, destination, sequence, grouping: isObject(a.CFAssociationGroupingURI) ? text(a.CFAssociationGroupingURI.identifier) : undefined };
    if (type === "isChildOf") {
      if (!items.has(origin)) {
        odd("outside", pointer, `Associations that point outside the file (${origin} is not an item here); they are left out.`);
      } else if (!inFile(destination)) {
        odd("outside", pointer, `Associations that point outside the file (parent ${destination} is not here); the item is put at the top.`);
      } else if (parentOf.has(origin)) {
        warnings.push({ location: pointer, message: `Item ${origin} is already a child of ${parentOf.get(origin)!.destination}; this second parent is left out.` });
      } else {
        parentOf.set(origin, link);
        const siblings = children.get(destination);
        if (siblings) siblings.push(link);
        else children.set(destination, [link]);
      }
    } else if (type === "hasSkillLevel") {
      if (!items.has(origin) || !items.has(destination)) odd("outside", pointer, "Associations that point outside the file (a skill level not in it); they are left out.");
      else skillLevel.set(origin, link);
    } else if (type === "isRelatedTo") {
      if (items.has(origin)) relatedOf.set(origin, [...(relatedOf.get(origin) ?? []), link]);
      else odd("outside", pointer, `Associations that point outside the file (${origin} is not an item here); they are left out.`);
    } else {
      warnOnce(`type:${type}`, pointer, `${type} associations are not part of a framework here and are left out.`);
    }
  });

  // A loop in isChildOf would make the hierarchy endless: every item on one is a problem.
  for (const start of parentOf.keys()) {
    const seen = new Set<string>([start]);
    for (let p = parentOf.get(start)?.destination; p !== undefined; p = parentOf.get(p)?.destination) {
      if (p === start) {
        problems.push({ location: jsonPointer("CFAssociations", parentOf.get(start)!.index), message: `Item ${start} is its own ancestor through isChildOf; a hierarchy cannot loop. Remove one of the associations.` });
        break;
      }
      if (seen.has(p)) break;
      seen.add(p);
    }
  }
  // Items on a loop are reached from no root below, so reading on is safe and finds the other problems too.

  const ordered = (parent: string) =>
    (children.get(parent) ?? [])
      .slice()
      .sort((a, b) => (a.sequence ?? Infinity) - (b.sequence ?? Infinity) || items.get(a.origin)!.index - items.get(b.origin)!.index)
      .map((l) => items.get(l.origin)!);

  // Levels: typed Level, or the destination of a hasSkillLevel; in their order under the document, else file order.
  const levelIdentifiers = new Set<string>([...items.values()].filter((i) => kindOf(i) === "level").map((i) => i.identifier));
  for (const link of skillLevel.values()) levelIdentifiers.add(link.destination);
  const map = new SourceMap("/");
  const levelRecords = [...levelIdentifiers]
    .map((id) => items.get(id)!)
    .sort((a, b) => (parentOf.get(a.identifier)?.sequence ?? Infinity) - (parentOf.get(b.identifier)?.sequence ?? Infinity) || a.index - b.index);
  const levelIdOf = new Map<string, string>();
  const levels: Level[] = levelRecords.map((record, i) => {
    const code = text(record.json.humanCodingScheme);
    const id = code !== undefined && LEVEL_ID.test(code) && ![...levelIdOf.values()].includes(code) ? code : `L${i + 1}`;
    levelIdOf.set(record.identifier, id);
    map.set(`levels[${i}]`, jsonPointer("CFItems", record.index));
    const sourceId = text(ext(record.json.extensions).sourceId) ?? (isDerived(record.identifier, caseKeys.level(id)) ? undefined : record.identifier);
    return dropUndefined({ id, name: text(record.json.fullStatement) ?? id, sourceId });
  });

  // Roles, and everything under each; items under no role go to one role named after the framework.
  const roleRecords = [...items.values()].filter((i) => kindOf(i) === "role").sort((a, b) => (parentOf.get(a.identifier)?.sequence ?? Infinity) - (parentOf.get(b.identifier)?.sequence ?? Infinity) || a.index - b.index);
  const treeRoots = [...items.values()].filter((i) => !levelIdentifiers.has(i.identifier) && kindOf(i) !== "role" && !parentOf.has(i.identifier));
  const topLevel = docIdentifier !== undefined ? ordered(docIdentifier).filter((i) => !levelIdentifiers.has(i.identifier) && kindOf(i) !== "role") : [];
  const orphans = [...topLevel, ...treeRoots.sort((a, b) => a.index - b.index)];

  const criterionIds = new Set<string>();
  const roleIds = new Set<string>();
  const codeOfItem = new Map<string, string>();
  const priorities: (Priority | undefined)[] = [];
  const roles: RoleInput[] = [];
  const relatedFixups: { criterion: CriterionInput; identifier: string }[] = [];

  const readTree = (role: RoleInput, r: number, top: ItemRecord[]) => {
    const headingIds = new Set<string>();
    const headings: Heading[] = [];
    const visit = (record: ItemRecord, parentHeading: Heading | undefined, nearestHeadingText: string | undefined) => {
      const json = record.json;
      const itemExt = ext(json.extensions);
      const code = text(json.humanCodingScheme);
      const pointer = jsonPointer("CFItems", record.index);
      const kids = ordered(record.identifier).filter((k) => !levelIdentifiers.has(k.identifier) && kindOf(k) !== "role");
      const statement = typeof json.fullStatement === "string" ? json.fullStatement : "";
      if (kids.length > 0 || itemExt.heading === true) {
        const id = text(itemExt.id) ?? deriveItemId(code ?? `H-${shortHash(record.identifier, 8)}`, headingIds);
        headingIds.add(id);
        const sourceId = text(itemExt.sourceId) ?? (isDerived(record.identifier, caseKeys.heading(role.id, id)) ? undefined : record.identifier);
        const heading = dropUndefined({ id, parent: parentHeading?.id, text: statement, description: text(itemExt.description), sourceId, code });
        map.set(`roles[${r}].headings[${headings.length}]`, pointer);
        headings.push(heading);
        codeOfItem.set(record.identifier, code ?? id);
        for (const kid of kids) visit(kid, heading, statement || nearestHeadingText);
        return;
      }
      const id = text(itemExt.id) ?? deriveItemId(code ?? `C-${shortHash(record.identifier, 8)}`, criterionIds);
      criterionIds.add(id);
      const sourceId = text(itemExt.sourceId) ?? (isDerived(record.identifier, caseKeys.criterion(id)) ? undefined : record.identifier);
      const kind = kindOf(record);
      const category = (kind === "category" || kind === undefined ? record.typeTitle?.trim() : undefined) || nearestHeadingText?.trim() || "Competency";
      const levelLink = skillLevel.get(record.identifier);
      const parentLink = parentOf.get(record.identifier);
      const groupingTitle = parentLink?.grouping !== undefined ? groupingTitles.get(parentLink.grouping) : undefined;
      const priority = PrioritySchema.safeParse(groupingTitle?.trim().toLowerCase());
      if (parentLink?.grouping !== undefined && !priority.success) {
        warnOnce("grouping", jsonPointer("CFAssociations", parentLink.index, "CFAssociationGroupingURI"), `Association groupings other than Essential, Desirable and Unspecified ("${groupingTitle ?? parentLink.grouping}") are not priorities and are left out.`);
      }
      priorities.push(priority.success ? priority.data : undefined);
      const criterion = dropUndefined({
        id,
        level: levelLink ? levelIdOf.get(levelLink.destination) : undefined,
        category,
        text: statement,
        priority: priority.success ? priority.data : undefined,
        sourceId,
        code,
        heading: parentHeading?.id,
        description: text(itemExt.description),
      });
      const path = `roles[${r}].criteria[${role.criteria.length}]`;
      map.set(path, pointer);
      map.set(`${path}.text`, `${pointer}/fullStatement`);
      map.set(`${path}.level`, levelLink ? jsonPointer("CFAssociations", levelLink.index) : pointer);
      role.criteria.push(criterion);
      codeOfItem.set(record.identifier, code ?? id);
      relatedFixups.push({ criterion, identifier: record.identifier });
    };
    for (const record of top) visit(record, undefined, undefined);
    if (headings.length > 0) role.headings = headings;
  };

  roleRecords.forEach((record, r) => {
    const json = record.json;
    const roleExt = ext(json.extensions);
    const code = text(json.humanCodingScheme);
    const id = uniqueSlug(text(roleExt.id) ?? (slugify(code ?? "") || slugify(text(json.fullStatement) ?? "") || `role-${r + 1}`), roleIds);
    roleIds.add(id);
    const sourceId = text(roleExt.sourceId) ?? (isDerived(record.identifier, caseKeys.role(id)) ? undefined : record.identifier);
    const role: RoleInput = dropUndefined({
      id,
      title: text(json.fullStatement) ?? id,
      grade: text(roleExt.grade),
      purpose: text(roleExt.purpose),
      duties: Array.isArray(roleExt.duties) ? (roleExt.duties as Duty[]) : [],
      notes: Array.isArray(roleExt.notes) ? (roleExt.notes as string[]) : undefined,
      criteria: [],
      sourceId,
      code,
    });
    map.set(`roles[${r}]`, jsonPointer("CFItems", record.index));
    roles.push(role);
    readTree(role, r, ordered(record.identifier).filter((k) => !levelIdentifiers.has(k.identifier) && kindOf(k) !== "role"));
  });
  if (orphans.length > 0 || roles.length === 0) {
    const r = roles.length;
    const role: RoleInput = { id: uniqueSlug(frameworkId, roleIds), title: title || frameworkId, duties: [], criteria: [] };
    const description = text(doc.description);
    if (roleRecords.length === 0 && description !== undefined) role.purpose = description;
    if (roleRecords.length > 0) {
      warnings.push({ location: jsonPointer("CFItems", orphans[0].index), message: `${orphans.length} item(s) are under no role; they are put in a role named after the framework (${role.id}).` });
    }
    map.set(`roles[${r}]`, "/CFItems");
    roles.push(role);
    readTree(role, r, orphans);
  }
  for (const { criterion, identifier } of relatedFixups) {
    const related = (relatedOf.get(identifier) ?? []).map((l) => codeOfItem.get(l.destination) ?? l.destination);
    if (related.length > 0) criterion.related = related;
  }

  const scale = readRubricScale(root.CFRubrics, problems, warnings);
  const declaredDefault = PrioritySchema.safeParse(docExt.defaultPriority);
  let defaultPriority: Priority = "essential";
  if (declaredDefault.success) defaultPriority = declaredDefault.data;
  else if (priorities.length > 0 && priorities.every((p) => p === undefined)) warnings.push({ location: "/CFAssociations", message: NO_PRIORITIES_WARNING });

  const url = text(doc.officialSourceURL);
  let validUrl: string | undefined;
  if (url !== undefined) {
    if (URL.canParse(url)) validUrl = url;
    else warnings.push({ location: "/CFDocument/officialSourceURL", message: `officialSourceURL "${url}" is not a URL and is left out.` });
  }
  map.set("title", "/CFDocument/title");
  map.set("publisher", "/CFDocument/creator");
  map.set("scale", "/CFRubrics/0");
  for (const o of oddities.values()) warnings.push({ location: o.location, message: o.count > 1 ? `${o.message} (${o.count} places; the first is here)` : o.message });

  const input: FrameworkInput = {
    id: frameworkId,
    title,
    publisher: text(doc.publisher) ?? text(doc.creator) ?? "",
    source: dropUndefined({
      document: text(docExt.sourceDocument) ?? title,
      date: text(docExt.date),
      url: validUrl,
      seed: text(docExt.seed),
      identifier: sourceIdentifier,
    }),
    version: text(doc.version),
    scale,
    levels,
    defaultPriority,
    roles,
  };
  if (input.version === undefined) delete input.version;
  if (input.scale === undefined) delete input.scale;
  return finishImport(input, map, problems, warnings);
}

/** The first CFRubric as the scale: its first criterion's levels give scores and labels, our extension the meets score. */
function readRubricScale(rubrics: unknown, problems: ImportProblem[], warnings: ImportProblem[]): Scale | undefined {
  if (!Array.isArray(rubrics) || rubrics.length === 0) return undefined;
  if (rubrics.length > 1) warnings.push({ location: "/CFRubrics/1", message: `${rubrics.length} rubrics: the first is the framework's scale, the others are left out.` });
  const rubric = rubrics[0];
  const criteria = isObject(rubric) && Array.isArray(rubric.CFRubricCriteria) ? rubric.CFRubricCriteria : [];
  const levels = isObject(criteria[0]) && Array.isArray(criteria[0].CFRubricCriterionLevels) ? criteria[0].CFRubricCriterionLevels : [];
  if (levels.length === 0) {
    warnings.push({ location: "/CFRubrics/0", message: "The rubric has no levels; the default scale (0-4) is used." });
    return undefined;
  }
  const labels: Scale["labels"] = [];
  levels.forEach((level, i) => {
    const pointer = `/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/${i}`;
    const score = isObject(level) ? level.score : undefined;
    if (typeof score !== "number" || !Number.isInteger(score)) {
      problems.push({ location: `${pointer}/score`, message: "A scale score must be a whole number; give this rubric level a whole-number score." });
      return;
    }
    labels.push({ value: score, label: (isObject(level) && (text(level.quality) ?? text(level.description))) || String(score) });
  });
  const rubricExt = ext(isObject(rubric) ? rubric.extensions : undefined);
  if (typeof rubricExt.meets !== "number") {
    problems.push({ location: "/CFRubrics/0", message: `The rubric does not say which score meets a criterion. Add "extensions": {"${CASE_EXTENSION_KEY}": {"meets": N}} to it, N one of its scores.` });
    return undefined;
  }
  const values = labels.map((l) => l.value);
  const scale: Scale = { min: Math.min(...values), max: Math.max(...values), meets: rubricExt.meets, labels: labels.sort((a, b) => a.value - b.value) };
  if (typeof rubricExt.defaultValue === "number") scale.defaultValue = rubricExt.defaultValue;
  return scale;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
