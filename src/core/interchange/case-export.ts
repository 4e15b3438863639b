import type { Heading, Priority } from "../framework";
import type { Criterion, Framework, Role } from "../model";
import { isUuid, uuidV5 } from "./uuid";

/**
 * CASE 1.1 (1EdTech Competencies and Academic Standards Exchange) export, as a CFPackage that
 * validates against the official schema. Mapping (docs/frameworks.md has the table):
 * framework -> CFDocument; level, role, heading, criterion -> CFItems (types Level, Role, the
 * criterion's category); hierarchy -> isChildOf (origin is the child, sequenceNumber the order);
 * criterion level -> hasSkillLevel; priority -> the CFAssociationGrouping of the criterion's
 * isChildOf; scale -> a CFRubric; cross-references -> isRelatedTo. What CASE has no field for
 * (our ids where a source code stands in, grade, duties, the scale's meets score) goes in
 * `extensions.hrCompetency`.
 */

/** Key of our own data in CASE `extensions` objects. */
export const CASE_EXTENSION_KEY = "hrCompetency";
/** Namespace of hr-competency's name-based UUIDs; fixed forever, or every export's identifiers change. */
export const HR_COMPETENCY_NAMESPACE = "5d0e1f6a-3c2b-5e4d-9f8a-7b6c5d4e3f21";
/** `typeCode` of the CFItemTypes we write, how an import recognises roles, levels and categories. */
export const ITEM_TYPE_CODES = { role: "role", level: "level", category: "category" } as const;

export type CaseJson = Record<string, unknown>;

export interface CaseExportOptions {
  /** Timestamp written as every record's lastChangeDateTime; now by default. */
  lastChangeDateTime?: string;
}

/** The UUID namespace of a framework's derived identifiers: its CASE document's own UUID when it has one. */
export function documentNamespace(frameworkId: string, sourceIdentifier: string | undefined): string {
  return sourceIdentifier !== undefined && isUuid(sourceIdentifier) ? sourceIdentifier : uuidV5(HR_COMPETENCY_NAMESPACE, `framework:${frameworkId}`);
}

/** Derived-identifier keys, shared with the importer so it can tell a derived identifier from a source's own. */
export const caseKeys = {
  level: (levelId: string) => `level:${levelId}`,
  role: (roleId: string) => `role:${roleId}`,
  heading: (roleId: string, headingId: string) => `heading:${roleId}/${headingId}`,
  criterion: (criterionId: string) => `criterion:${criterionId}`,
};

const PRIORITY_TITLES: Record<Priority, string> = { essential: "Essential", desirable: "Desirable", unspecified: "Unspecified" };

/** Leaves out undefined values and empty extension objects, so the package holds only what is there. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)),
  ) as T;
}

const ours = (data: Record<string, unknown>) => {
  const kept = compact(data);
  return Object.keys(kept).length > 0 ? { [CASE_EXTENSION_KEY]: kept } : undefined;
};

/**
 * A role's headings and criteria in the order the hierarchy shows them: under each parent, its
 * items by the position of their first criterion, so a framework listed in hierarchy order
 * (as every CASE or Moodle source is) keeps its order; headings without criteria come last.
 */
function childrenByParent(role: Role): Map<string | undefined, ({ kind: "heading"; heading: Heading } | { kind: "criterion"; criterion: Criterion })[]> {
  const firstIndex = new Map<string, number>();
  const parentOf = new Map(role.headings.map((h) => [h.id, h.parent]));
  role.criteria.forEach((c, i) => {
    const seen = new Set<string>();
    for (let h = c.heading; h !== undefined && !seen.has(h); h = parentOf.get(h)) {
      seen.add(h);
      if (!firstIndex.has(h)) firstIndex.set(h, i);
    }
  });
  const entries = [
    ...role.headings.map((heading, i) => ({ key: firstIndex.get(heading.id) ?? role.criteria.length + i, parent: heading.parent, node: { kind: "heading" as const, heading } })),
    ...role.criteria.map((criterion, i) => ({ key: i, parent: criterion.heading, node: { kind: "criterion" as const, criterion } })),
  ].sort((a, b) => a.key - b.key || (a.node.kind === "heading" ? -1 : 1));
  const children = new Map<string | undefined, ({ kind: "heading"; heading: Heading } | { kind: "criterion"; criterion: Criterion })[]>();
  for (const e of entries) {
    const list = children.get(e.parent);
    if (list) list.push(e.node);
    else children.set(e.parent, [e.node]);
  }
  return children;
}

/**
 * True when the framework's only role is the one an import makes for a source without roles
 * (named after the framework, nothing of its own but a purpose). CASE gets no item for it, so
 * an imported framework exports one CFItem per source item; its purpose is the document's description.
 */
export function hasImplicitRole(framework: Framework): boolean {
  const [role, ...others] = framework.roles;
  return (
    others.length === 0 &&
    role.id === framework.id &&
    role.title === framework.title &&
    role.grade === undefined &&
    role.duties.length === 0 &&
    role.notes.length === 0 &&
    role.sourceId === undefined &&
    role.code === undefined
  );
}

/** The framework as a CASE 1.1 CFPackage object. */
export function exportCase(framework: Framework, options: CaseExportOptions = {}): CaseJson {
  const stamp = options.lastChangeDateTime ?? new Date().toISOString();
  const ns = documentNamespace(framework.id, framework.source.identifier);
  const derived = (key: string) => uuidV5(ns, key);
  const usedIdentifiers = new Set<string>([ns]);
  /** The source's own UUID when it has one not yet used, else a derived one; a non-UUID source id rides along in extensions. */
  const identify = (sourceId: string | undefined, key: string): { identifier: string; keptSourceId?: string } => {
    if (sourceId !== undefined && isUuid(sourceId) && !usedIdentifiers.has(sourceId)) {
      usedIdentifiers.add(sourceId);
      return { identifier: sourceId };
    }
    const identifier = derived(key);
    usedIdentifiers.add(identifier);
    return { identifier, keptSourceId: sourceId };
  };
  const link = (identifier: string, title: string) => ({ title, identifier, uri: `urn:uuid:${identifier}` });
  const nodeLink = (identifier: string, title: string) => ({ ...link(identifier, title), targetType: "CASE" });

  const items: CaseJson[] = [];
  const associations: CaseJson[] = [];
  const item = (identifier: string, fullStatement: string, fields: Record<string, unknown>) =>
    items.push(compact({ identifier, fullStatement, uri: `urn:uuid:${identifier}`, ...fields, lastChangeDateTime: stamp }));
  const associate = (type: string, origin: { identifier: string; title: string }, destination: { identifier: string; title: string }, extra: Record<string, unknown> = {}) => {
    const identifier = derived(`association:${origin.identifier}:${type}:${destination.identifier}`);
    associations.push(
      compact({
        identifier,
        associationType: type,
        sequenceNumber: extra.sequenceNumber,
        uri: `urn:uuid:${identifier}`,
        originNodeURI: nodeLink(origin.identifier, origin.title),
        destinationNodeURI: nodeLink(destination.identifier, destination.title),
        CFAssociationGroupingURI: extra.grouping,
        lastChangeDateTime: stamp,
      }),
    );
  };

  const itemType = (key: string, title: string, typeCode: string, description: string, hierarchyCode: string) => {
    const identifier = derived(`item-type:${key}`);
    return { identifier, uri: `urn:uuid:${identifier}`, title, description, hierarchyCode, typeCode, lastChangeDateTime: stamp };
  };
  const roleType = itemType("role", "Role", ITEM_TYPE_CODES.role, "A role or competency profile: the criteria one job is assessed on.", "1");
  const levelType = itemType("level", "Level", ITEM_TYPE_CODES.level, "A level of the framework, lowest first; levels are cumulative.", "2");
  const categories = [...new Set(framework.roles.flatMap((r) => r.criteria.map((c) => c.category)))];
  const categoryTypes = new Map(
    categories.map((name, i) => [name, itemType(`category:${name}`, name, ITEM_TYPE_CODES.category, `Criteria of the category ${name}.`, `3.${i + 1}`)]),
  );
  const priorities = [...new Set(framework.roles.flatMap((r) => r.criteria.map((c) => c.priority)))];
  const groupings = new Map(
    priorities.map((p) => {
      const identifier = derived(`grouping:priority:${p}`);
      return [p, { identifier, uri: `urn:uuid:${identifier}`, title: PRIORITY_TITLES[p], description: `The isChildOf associations of ${p} criteria.`, lastChangeDateTime: stamp }];
    }),
  );

  const document = { identifier: ns, title: framework.title };
  let sequence = 0;
  const levelItems = new Map<string, { identifier: string; title: string }>();
  for (const level of framework.implicitLevel ? [] : framework.levels) {
    const { identifier, keptSourceId } = identify(level.sourceId, caseKeys.level(level.id));
    item(identifier, level.name, {
      CFItemType: levelType.title,
      humanCodingScheme: level.id,
      CFItemTypeURI: link(levelType.identifier, levelType.title),
      extensions: ours({ sourceId: keptSourceId }),
    });
    levelItems.set(level.id, { identifier, title: level.name });
    associate("isChildOf", { identifier, title: level.name }, document, { sequenceNumber: ++sequence });
  }

  /** Headings and criteria by the code a cross-reference names them with (their code, else their id). */
  const itemsByCode = new Map<string, { identifier: string; title: string }>();
  const relatedLater: { origin: { identifier: string; title: string }; related: string }[] = [];
  const implicitRole = hasImplicitRole(framework);
  for (const role of framework.roles) {
    let roleNode: { identifier: string; title: string } = document;
    if (!implicitRole) {
      const roleIdentity = identify(role.sourceId, caseKeys.role(role.id));
      roleNode = { identifier: roleIdentity.identifier, title: role.title };
      item(roleNode.identifier, role.title, {
        CFItemType: roleType.title,
        humanCodingScheme: role.code ?? role.id,
        CFItemTypeURI: link(roleType.identifier, roleType.title),
        extensions: ours({
          id: role.code !== undefined ? role.id : undefined,
          sourceId: roleIdentity.keptSourceId,
          grade: role.grade,
          purpose: role.purpose,
          duties: role.duties.length > 0 ? role.duties : undefined,
          notes: role.notes.length > 0 ? role.notes : undefined,
        }),
      });
      associate("isChildOf", roleNode, document, { sequenceNumber: ++sequence });
    }
    // Under the document, items follow the levels in one sequence.
    const firstSequence = implicitRole ? sequence : 0;

    const children = childrenByParent(role);
    const writeChildren = (parentKey: string | undefined, parent: { identifier: string; title: string }) => {
      (children.get(parentKey) ?? []).forEach((child, i) => {
        if (child.kind === "heading") {
          const h = child.heading;
          const { identifier, keptSourceId } = identify(h.sourceId, caseKeys.heading(role.id, h.id));
          const node = { identifier, title: h.text };
          const hasChildren = (children.get(h.id) ?? []).length > 0;
          item(identifier, h.text, {
            humanCodingScheme: h.code ?? h.id,
            extensions: ours({ id: h.code !== undefined ? h.id : undefined, sourceId: keptSourceId, description: h.description, heading: hasChildren ? undefined : true }),
          });
          if (!itemsByCode.has(h.code ?? h.id)) itemsByCode.set(h.code ?? h.id, node);
          associate("isChildOf", node, parent, { sequenceNumber: (parentKey === undefined ? firstSequence : 0) + i + 1 });
          writeChildren(h.id, node);
        } else {
          const c = child.criterion;
          const { identifier, keptSourceId } = identify(c.sourceId, caseKeys.criterion(c.id));
          const node = { identifier, title: c.code ?? c.id };
          const type = categoryTypes.get(c.category)!;
          item(identifier, c.text, {
            CFItemType: type.title,
            humanCodingScheme: c.code ?? c.id,
            CFItemTypeURI: link(type.identifier, type.title),
            extensions: ours({ id: c.code !== undefined ? c.id : undefined, sourceId: keptSourceId, description: c.description }),
          });
          if (!itemsByCode.has(c.code ?? c.id)) itemsByCode.set(c.code ?? c.id, node);
          const grouping = groupings.get(c.priority)!;
          associate("isChildOf", node, parent, { sequenceNumber: (parentKey === undefined ? firstSequence : 0) + i + 1, grouping: link(grouping.identifier, grouping.title) });
          const level = levelItems.get(c.level);
          if (level) associate("hasSkillLevel", node, level);
          for (const related of c.related ?? []) relatedLater.push({ origin: node, related });
        }
      });
    };
    writeChildren(undefined, roleNode);
  }
  // Cross-references may point forward, so they are resolved once every item has its identifier.
  for (const { origin, related } of relatedLater) {
    const target = itemsByCode.get(related);
    if (target) {
      associate("isRelatedTo", origin, target);
    } else {
      const identifier = derived(`external:${related}`);
      const associationId = derived(`association:${origin.identifier}:isRelatedTo:${related}`);
      associations.push({
        identifier: associationId,
        associationType: "isRelatedTo",
        uri: `urn:uuid:${associationId}`,
        originNodeURI: nodeLink(origin.identifier, origin.title),
        // Not in this framework: the source's own reference is the identifier, which need not be a UUID here.
        destinationNodeURI: { title: related, identifier: related, uri: `urn:uuid:${identifier}` },
        lastChangeDateTime: stamp,
      });
    }
  }

  const scale = framework.scale;
  const rubricId = derived("rubric:scale");
  const rubricCriterionId = derived("rubric:scale:criterion");
  const rubric = {
    identifier: rubricId,
    uri: `urn:uuid:${rubricId}`,
    title: "Scale",
    description: `Every criterion is scored ${scale.min} to ${scale.max}; ${scale.meets} or more meets it.`,
    lastChangeDateTime: stamp,
    CFRubricCriteria: [
      {
        identifier: rubricCriterionId,
        uri: `urn:uuid:${rubricCriterionId}`,
        description: "Every criterion of the framework",
        position: 1,
        rubricId,
        lastChangeDateTime: stamp,
        CFRubricCriterionLevels: [...scale.labels]
          .sort((a, b) => a.value - b.value)
          .map((l, i) => {
            const identifier = derived(`rubric:scale:${l.value}`);
            return { identifier, uri: `urn:uuid:${identifier}`, quality: l.label, score: l.value, position: i + 1, rubricCriterionId, lastChangeDateTime: stamp };
          }),
      },
    ],
    extensions: ours({ meets: scale.meets, defaultValue: scale.defaultValue }),
  };

  const documentIdentityKept = framework.source.identifier !== undefined && framework.source.identifier !== ns ? framework.source.identifier : undefined;
  return {
    CFDocument: compact({
      identifier: ns,
      uri: `urn:uuid:${ns}`,
      caseVersion: "1.1",
      creator: framework.publisher,
      title: framework.title,
      lastChangeDateTime: stamp,
      officialSourceURL: framework.source.url,
      publisher: framework.publisher,
      description: implicitRole ? framework.roles[0].purpose : undefined,
      version: framework.version,
      extensions: ours({
        id: framework.id,
        sourceDocument: framework.source.document,
        date: framework.source.date,
        seed: framework.source.seed,
        sourceIdentifier: documentIdentityKept,
        defaultPriority: framework.defaultPriority,
      }),
    }),
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: compact({
      CFItemTypes: [...(implicitRole ? [] : [roleType]), ...(levelItems.size > 0 ? [levelType] : []), ...categoryTypes.values()],
      CFAssociationGroupings: groupings.size > 0 ? [...groupings.values()] : undefined,
    }),
    CFRubrics: [rubric],
  };
}

export function exportCaseJson(framework: Framework, options?: CaseExportOptions): string {
  return JSON.stringify(exportCase(framework, options), null, 2) + "\n";
}
