import type { Priority, Scale } from "./framework";
import type { Criterion, Framework, Role } from "./model";
import { levelIndex } from "./model";
import type { ScoreClass } from "./scores";
import { BLANK } from "./scores";

/** Scores of one person, by criterion id; a criterion with no entry is blank. */
export type Scores = ReadonlyMap<string, ScoreClass>;

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

/** The criteria that count towards reaching the level at 1-based `index` (levels are cumulative). */
export function criteriaUpTo(framework: Framework, role: Role, index: number): Criterion[] {
  return role.criteria.filter((c) => levelIndex(framework, c.level) <= index);
}

export function essentialsMetAt(framework: Framework, role: Role, scores: Scores, index: number): boolean {
  return criteriaUpTo(framework, role, index).every(
    (c) => !isEssential(c.priority) || isMet(scoreOf(scores, c), framework.scale),
  );
}

/**
 * The highest level index, up to `upTo`, whose essentials (cumulatively) are met; 0 when not even
 * the first. An assessment only scores criteria up to its target, so it cannot show more.
 */
export function attainedIndex(framework: Framework, role: Role, scores: Scores, upTo = framework.levels.length): number {
  let attained = 0;
  for (let n = 1; n <= upTo; n++) {
    const essentialsAtN = role.criteria.filter((c) => levelIndex(framework, c.level) === n && isEssential(c.priority));
    if (!essentialsAtN.every((c) => isMet(scoreOf(scores, c), framework.scale))) break;
    attained = n;
  }
  return attained;
}

export function levelGap(targetIndex: number, attained: number): number {
  return Math.max(0, targetIndex - attained);
}

/** Share of the criteria up to the level (all priorities) that are met; 1 when there are none. */
export function readiness(framework: Framework, role: Role, scores: Scores, index: number): number {
  const criteria = criteriaUpTo(framework, role, index);
  if (criteria.length === 0) return 1;
  return criteria.filter((c) => isMet(scoreOf(scores, c), framework.scale)).length / criteria.length;
}

export interface Evaluation {
  targetIndex: number;
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
  readiness: number;
}

/** Everything the rules say about one person against a role, at the target level (default: the top). */
export function evaluate(framework: Framework, role: Role, scores: Scores, targetIndex = framework.levels.length): Evaluation {
  const inScope = criteriaUpTo(framework, role, targetIndex);
  const unmetEssential: string[] = [];
  const missing: string[] = [];
  let desirableScore = 0;
  for (const c of inScope) {
    const score = scoreOf(scores, c);
    if (isMissing(score)) missing.push(c.id);
    else if (isEssential(c.priority) && !isMet(score, framework.scale)) unmetEssential.push(c.id);
    if (c.priority === "desirable" && score.kind === "valid") desirableScore += score.value;
  }
  const attained = attainedIndex(framework, role, scores, targetIndex);
  return {
    targetIndex,
    attainedIndex: attained,
    levelGap: levelGap(targetIndex, attained),
    essentialsMet: essentialsMetAt(framework, role, scores, targetIndex),
    unmetEssential,
    missing,
    desirableScore,
    readiness: readiness(framework, role, scores, targetIndex),
  };
}
