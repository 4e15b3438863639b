import type { Level } from "../framework";
import { describeLevel, findLevel, normaliseName } from "../lookup";
import type { Criterion } from "../model";
import { levelIndex } from "../model";
import { criteriaUpTo, isEssential, isMet } from "../rules";
import type { ScoreClass } from "../scores";
import { BLANK } from "../scores";
import type { TeamGroup, TeamMember } from "./model";

/*
 * The team view's figures, as pure functions of one group (one framework and role). A person is
 * assessed on a criterion when the criterion is at or below their sheet's target level; a share
 * is null when no one is assessed (there is nothing to divide by), never 0 or 1 by default.
 */

/** The criteria the group's sheets score: those up to the highest target seen, in source order. */
export function teamCriteria(group: TeamGroup): Criterion[] {
  const top = Math.max(0, ...group.targets.map((l) => levelIndex(group.framework, l.id)), ...group.members.map((m) => m.targetIndex));
  return criteriaUpTo(group.framework, group.role, top);
}

export function scoreOf(member: TeamMember, criterion: Criterion): ScoreClass {
  return member.scores.get(criterion.id) ?? BLANK;
}

export interface CriterionCoverage {
  criterion: Criterion;
  /** People whose sheet scores the criterion. */
  inScope: number;
  /** Of those, people with a valid score. */
  assessed: number;
  /** Of those, people who meet it. */
  met: number;
  /** In scope with a blank or invalid score. */
  missing: number;
  /** met / assessed, null when no one is assessed. */
  share: number | null;
}

/** Coverage of each of the group's criteria: the share of assessed people who meet it. */
export function criterionCoverage(group: TeamGroup): CriterionCoverage[] {
  const { framework } = group;
  return teamCriteria(group).map((criterion) => {
    const level = levelIndex(framework, criterion.level);
    let inScope = 0;
    let assessed = 0;
    let met = 0;
    for (const member of group.members) {
      if (member.targetIndex < level) continue;
      inScope++;
      const score = scoreOf(member, criterion);
      if (score.kind !== "valid") continue;
      assessed++;
      if (isMet(score, framework.scale)) met++;
    }
    return { criterion, inScope, assessed, met, missing: inScope - assessed, share: assessed === 0 ? null : met / assessed };
  });
}

export interface EssentialsCoverage {
  level: Level;
  /** 1-based. */
  levelIndex: number;
  /** People whose sheet goes up to this level at least. */
  assessed: number;
  /** Of those, people who meet every essential criterion up to the level (their attained level is this one or above). */
  met: number;
  share: number | null;
}

/** Coverage of the essentials up to each level of the framework: who could be judged at that level, and who meets them all. */
export function essentialsCoverage(group: TeamGroup): EssentialsCoverage[] {
  return group.framework.levels.map((level, i) => {
    const index = i + 1;
    const assessed = group.members.filter((m) => m.targetIndex >= index);
    const met = assessed.filter((m) => m.attainedIndex >= index).length;
    return { level, levelIndex: index, assessed: assessed.length, met, share: assessed.length === 0 ? null : met / assessed.length };
  });
}

export interface LevelCount {
  /** null: not even the first level is attained. */
  level: Level | null;
  count: number;
}

/** How many people attained each level, "none" first, then the framework's levels in order. */
export function levelDistribution(group: TeamGroup): LevelCount[] {
  const counts = Array<number>(group.framework.levels.length + 1).fill(0);
  for (const m of group.members) counts[m.attainedIndex]++;
  return counts.map((count, i) => ({ level: i === 0 ? null : group.framework.levels[i - 1], count }));
}

export interface BenchLevel {
  level: Level;
  levelIndex: number;
  /** People whose sheet goes up to this level: only they can be judged ready for it. */
  assessed: number;
  /** Gap 0 at this level: they meet every essential up to it. In heat map order. */
  readyNow: TeamMember[];
  /** Gap 1 at this level: they meet every essential of the level below, not of this one. In heat map order. */
  oneAway: TeamMember[];
}

/** Bench strength: per level of the role, who is ready now and who is one level away. */
export function benchStrength(group: TeamGroup): BenchLevel[] {
  const ordered = sortForHeatmap(group.members);
  return group.framework.levels.map((level, i) => {
    const index = i + 1;
    const assessed = ordered.filter((m) => m.targetIndex >= index);
    return {
      level,
      levelIndex: index,
      assessed: assessed.length,
      readyNow: assessed.filter((m) => m.attainedIndex >= index),
      oneAway: assessed.filter((m) => m.attainedIndex === index - 1),
    };
  });
}

/** A score as the heat map shows it. */
export type HeatCell =
  | { kind: "valid"; value: number; met: boolean; essential: boolean }
  | { kind: "blank" }
  | { kind: "invalid" }
  /** Above the person's target level: their sheet does not score it. */
  | { kind: "not-assessed" };

export interface Heatmap {
  criteria: Criterion[];
  rows: { member: TeamMember; cells: HeatCell[] }[];
}

/** One collator for every sort: far cheaper than localeCompare per comparison on thousands of names. */
const names = new Intl.Collator("en");

/** People by level gap (smallest first: the ready ones on top), then by name, then in the order read. */
export function sortForHeatmap(members: TeamMember[]): TeamMember[] {
  return members
    .map((member, order) => ({ member, order, name: normaliseName(member.employee) }))
    .sort((a, b) => a.member.result.levelGap - b.member.result.levelGap || names.compare(a.name, b.name) || a.order - b.order)
    .map((x) => x.member);
}

/** The people x criteria matrix of the group, sorted for the heat map. */
export function heatmap(group: TeamGroup): Heatmap {
  const criteria = teamCriteria(group);
  const { framework } = group;
  // Computed once, not per cell: a team can hold tens of thousands of people.
  const levels = criteria.map((c) => levelIndex(framework, c.level));
  const essential = criteria.map((c) => isEssential(c.priority));
  return {
    criteria,
    rows: sortForHeatmap(group.members).map((member) => ({
      member,
      cells: criteria.map((criterion, i): HeatCell => {
        if (member.targetIndex < levels[i]) return { kind: "not-assessed" };
        const score = scoreOf(member, criterion);
        if (score.kind !== "valid") return { kind: score.kind };
        return { kind: "valid", value: score.value, met: isMet(score, framework.scale), essential: essential[i] };
      }),
    })),
  };
}

export type CoverageAnswer = { ok: true; share: number | null; assessed: number; met: number } | { ok: false; message: string };

/**
 * What `HR.COVERAGE(role, [criterion], [level])` answers for one group: the coverage of the
 * criterion (by id, case ignored) when one is given, else the coverage of every essential up to the
 * level (by id or name; default: the highest target level in the group). An unknown criterion or
 * level is an answer too, with a message that says which ones there are.
 */
export function coverageFor(group: TeamGroup, ask: { criterion?: string; level?: string } = {}): CoverageAnswer {
  const { framework, role } = group;
  if (ask.criterion !== undefined && ask.criterion.trim() !== "") {
    const wanted = ask.criterion.trim().toUpperCase();
    const found = criterionCoverage(group).find((c) => c.criterion.id.toUpperCase() === wanted);
    if (!found) {
      const ofRole = role.criteria.some((c) => c.id.toUpperCase() === wanted);
      return { ok: false, message: ofRole ? `Criterion ${ask.criterion} of ${role.id} is above every assessed target level; no one is assessed on it.` : `Unknown criterion "${ask.criterion}" for ${role.id}. Criteria: ${teamCriteria(group).map((c) => c.id).join(", ")}.` };
    }
    return { ok: true, share: found.share, assessed: found.assessed, met: found.met };
  }
  const top = group.targets[group.targets.length - 1];
  const level = ask.level !== undefined && ask.level.trim() !== "" ? findLevel(framework, ask.level) : top;
  if (!level) return { ok: false, message: `Unknown level "${ask.level}" in ${framework.id}. Levels: ${framework.levels.map(describeLevel).join(", ")}.` };
  const found = essentialsCoverage(group)[levelIndex(framework, level.id) - 1];
  return { ok: true, share: found.share, assessed: found.assessed, met: found.met };
}
