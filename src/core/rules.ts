import type { Priority, Scale } from "./framework";
import type { Criterion, Framework, Role } from "./model";
import { levelIndex } from "./model";
import type { ScoreClass } from "./scores";
import { BLANK } from "./scores";

/** Scores of one person, by criterion id; a criterion with no entry is blank. A Map will do. */
export interface Scores {
  get(criterionId: string): ScoreClass | undefined;
}

/** `unspecified` counts as essential: a missing mark must not let someone through. */
export function isEssential(priority: Priority): boolean {
  return priority !== "desirable";
}

export function isMet(score: ScoreClass, scale: Scale): boolean {
  return score.kind === "valid" && score.value >= scale.meets;
}

/** Blank and invalid scores are both missing: not met, and listed apart from unmet. */
export function isMissing(score: ScoreClass): boolean {
  return score.kind !== "valid";
}

function scoreOf(scores: Scores, criterion: Criterion): ScoreClass {
  return scores.get(criterion.id) ?? BLANK;
}

const levelIndexCache = new WeakMap<Role, number[]>();

/** 1-based level index of each of the role's criteria, computed once per role: evaluate runs per person. */
function criterionLevels(framework: Framework, role: Role): number[] {
  let levels = levelIndexCache.get(role);
  if (!levels) {
    levels = role.criteria.map((c) => levelIndex(framework, c.level));
    levelIndexCache.set(role, levels);
  }
  return levels;
}

/** The criteria that count towards reaching the level at 1-based `index` (levels are cumulative). */
export function criteriaUpTo(framework: Framework, role: Role, index: number): Criterion[] {
  const levels = criterionLevels(framework, role);
  return role.criteria.filter((_, i) => levels[i] <= index);
}

export function levelGap(targetIndex: number, attained: number): number {
  return Math.max(0, targetIndex - attained);
}

export interface Evaluation {
  targetIndex: number;
  /** The highest level up to the target whose essentials (cumulatively) are met; 0 when not even the first. */
  attainedIndex: number;
  levelGap: number;
  /** Essentials met at the target level. */
  essentialsMet: boolean;
  /** Essential criteria up to the target with a valid score below the threshold, in source order. */
  unmetEssential: string[];
  /** Criteria up to the target whose score is blank or invalid, in source order. */
  missing: string[];
  /** Sum of the valid desirable scores up to the target: ranks those who meet the essentials. */
  desirableScore: number;
  /** Share of the criteria up to the target (all priorities) that are met; 1 when there are none. */
  readiness: number;
}

/**
 * Everything the rules say about one person against a role, at the target level (default: the
 * top), in one pass over the criteria. An assessment scores criteria only up to its target, so the
 * attained level never goes above it.
 */
export function evaluate(framework: Framework, role: Role, scores: Scores, targetIndex = framework.levels.length): Evaluation {
  const levels = criterionLevels(framework, role);
  const unmetEssential: string[] = [];
  const missing: string[] = [];
  let desirableScore = 0;
  let inScope = 0;
  let metInScope = 0;
  // The lowest level with an essential not met: everything below it is attained.
  let firstFailingLevel = Number.POSITIVE_INFINITY;
  role.criteria.forEach((c, i) => {
    const level = levels[i];
    const score = scoreOf(scores, c);
    const met = isMet(score, framework.scale);
    if (isEssential(c.priority) && !met && level < firstFailingLevel) firstFailingLevel = level;
    if (level > targetIndex) return;
    inScope++;
    if (met) metInScope++;
    if (isMissing(score)) missing.push(c.id);
    else if (isEssential(c.priority) && !met) unmetEssential.push(c.id);
    if (c.priority === "desirable" && score.kind === "valid") desirableScore += score.value;
  });
  const attained = Math.min(firstFailingLevel - 1, targetIndex);
  return {
    targetIndex,
    attainedIndex: attained,
    levelGap: levelGap(targetIndex, attained),
    essentialsMet: firstFailingLevel > targetIndex,
    unmetEssential,
    missing,
    desirableScore,
    readiness: inScope === 0 ? 1 : metInScope / inScope,
  };
}

export function essentialsMetAt(framework: Framework, role: Role, scores: Scores, index: number): boolean {
  return evaluate(framework, role, scores, index).essentialsMet;
}

export function attainedIndex(framework: Framework, role: Role, scores: Scores, upTo = framework.levels.length): number {
  return evaluate(framework, role, scores, upTo).attainedIndex;
}

export function readiness(framework: Framework, role: Role, scores: Scores, index: number): number {
  return evaluate(framework, role, scores, index).readiness;
}
