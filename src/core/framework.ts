import { z } from "zod";

/** How much a criterion matters: essential blocks a level, desirable only ranks people. */
export const PrioritySchema = z.enum(["essential", "desirable", "unspecified"]);
export type Priority = z.infer<typeof PrioritySchema>;

const nonEmptyText = z.string().trim().min(1, "must not be empty");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");
/** Criterion ids head assessment columns, so they must be short and safe as a header. */
export const CRITERION_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/;
export const CRITERION_ID_MAX = 24;
const criterionId = z
  .string()
  .regex(CRITERION_ID_PATTERN, "must start with a letter and use letters, digits, '-', '_' or '.'")
  .max(CRITERION_ID_MAX, `must be at most ${CRITERION_ID_MAX} characters`);
/** Where an item came from in its source document, so an export can give it back unchanged. */
const sourceIdentity = {
  /** The source's own identifier: a CASE `identifier`, a Moodle exported id. */
  sourceId: z.string().min(1).optional(),
  /** The source's human code: a CASE `humanCodingScheme`, a Moodle ID number. */
  code: z.string().min(1).optional(),
};

export const ScaleLabelSchema = z.object({
  value: z.number().int(),
  label: nonEmptyText,
});

export const ScaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    /** The lowest score that counts as meeting a criterion. */
    meets: z.number().int(),
    labels: z.array(ScaleLabelSchema),
    /** The score the source preselects (Moodle's scale default); kept so an export gives it back. */
    defaultValue: z.number().int().optional(),
  })
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `max (${scale.max}) must be above min (${scale.min})` });
    }
    if (scale.meets < scale.min || scale.meets > scale.max) {
      ctx.addIssue({ code: "custom", path: ["meets"], message: `meets (${scale.meets}) must be within ${scale.min}..${scale.max}` });
    }
    const values = scale.labels.map((l) => l.value);
    for (let v = scale.min; v <= scale.max; v++) {
      if (values.filter((x) => x === v).length !== 1) {
        ctx.addIssue({ code: "custom", path: ["labels"], message: `score ${v} needs exactly one label` });
      }
    }
    if (scale.defaultValue !== undefined && (scale.defaultValue < scale.min || scale.defaultValue > scale.max)) {
      ctx.addIssue({ code: "custom", path: ["defaultValue"], message: `default (${scale.defaultValue}) must be within ${scale.min}..${scale.max}` });
    }
    scale.labels.forEach((l, i) => {
      if (l.value < scale.min || l.value > scale.max) {
        ctx.addIssue({ code: "custom", path: ["labels", i, "value"], message: `label value ${l.value} is outside ${scale.min}..${scale.max}` });
      }
    });
  });
export type Scale = z.infer<typeof ScaleSchema>;

export const LevelSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "must be letters, digits and hyphens"),
  name: nonEmptyText,
  sourceId: sourceIdentity.sourceId,
});
export type Level = z.infer<typeof LevelSchema>;

export const CriterionInputSchema = z.object({
  id: criterionId,
  /** Level id; may be left out when the framework has no levels. */
  level: z.string().optional(),
  category: nonEmptyText,
  /** Verbatim from the source document. Empty text is a lint finding, not a schema error. */
  text: z.string(),
  /** Defaults to the framework's default priority. */
  priority: PrioritySchema.optional(),
  ...sourceIdentity,
  /** Id of the heading the criterion sits under in the source's hierarchy; none for a top-level criterion. */
  heading: z.string().optional(),
  /** Longer text the source gives beside the statement (a Moodle description). */
  description: z.string().optional(),
  /** Codes or identifiers of items the source cross-references (Moodle related competencies, CASE isRelatedTo). */
  related: z.array(z.string().min(1)).optional(),
});
export type CriterionInput = z.infer<typeof CriterionInputSchema>;

export const DutySchema = z.object({
  /** The heading a duty is listed under in the source, if any (a key area, say). */
  area: z.string().optional(),
  text: nonEmptyText,
});
export type Duty = z.infer<typeof DutySchema>;

/**
 * A source item that groups others (a CASE CFItem with children, a Moodle competency with
 * children): kept as a heading in the hierarchy, never scored.
 */
export const HeadingSchema = z.object({
  id: criterionId,
  /** Id of the enclosing heading; none at the top of the role. */
  parent: z.string().optional(),
  text: nonEmptyText,
  description: z.string().optional(),
  ...sourceIdentity,
});
export type Heading = z.infer<typeof HeadingSchema>;

export const RoleInputSchema = z.object({
  id: slug,
  title: nonEmptyText,
  grade: z.string().optional(),
  purpose: z.string().optional(),
  duties: z.array(DutySchema),
  /** Source text that qualifies the role's requirements but is not scored ("Education may be substituted..."). */
  notes: z.array(nonEmptyText).optional(),
  /** The source's grouping items, parents before children. */
  headings: z.array(HeadingSchema).optional(),
  criteria: z.array(CriterionInputSchema),
  ...sourceIdentity,
});
export type RoleInput = z.infer<typeof RoleInputSchema>;

export const FrameworkInputSchema = z.object({
  id: slug,
  title: nonEmptyText,
  publisher: nonEmptyText,
  source: z.object({
    document: nonEmptyText,
    /** As precise as the source gives it: "2024-12", "2015-07-22"; left out when the source has none. */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD").optional(),
    url: z.url().optional(),
    /** File name of the seed document the transcription comes from. */
    seed: z.string().optional(),
    /** The source document's own identifier (a CASE CFDocument identifier, a Moodle framework ID number). */
    identifier: z.string().min(1).optional(),
  }),
  /** Which edition of the framework this is; assessment sheets record it. */
  version: z.string().trim().min(1).optional(),
  scale: ScaleSchema.optional(),
  /** Ordered lowest first; levels are cumulative. Empty means one implicit level. */
  levels: z.array(LevelSchema),
  defaultPriority: PrioritySchema,
  roles: z.array(RoleInputSchema).min(1, "a framework needs at least one role"),
});
export type FrameworkInput = z.infer<typeof FrameworkInputSchema>;
