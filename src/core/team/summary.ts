import type { Priority } from "../framework";
import { benchStrength, criterionCoverage, essentialsCoverage, heatmap, levelDistribution } from "./figures";
import type { Team, TeamProblem } from "./model";

/** The team view as plain JSON-ready data (levels by id, attained null when none): what `collect --json` can print. */
export interface TeamSummary {
  groups: {
    framework: string;
    role: string;
    targetLevels: string[];
    /** In heat map order. */
    people: {
      employee: string;
      source: string;
      sheet: string;
      cell: string;
      targetLevel: string;
      attainedLevel: string | null;
      levelGap: number;
      essentialsMet: boolean;
      unmetEssential: string[];
      missing: string[];
      desirableScore: number;
    }[];
    coverage: { criterion: string; level: string; priority: Priority; inScope: number; assessed: number; met: number; missing: number; share: number | null }[];
    essentials: { level: string; assessed: number; met: number; share: number | null }[];
    distribution: { level: string | null; count: number }[];
    bench: { level: string; assessed: number; readyNow: string[]; oneLevelAway: string[] }[];
  }[];
  problems: TeamProblem[];
}

export function summariseTeam(team: Team): TeamSummary {
  const names = (list: { employee: string }[]) => list.map((m) => m.employee);
  return {
    groups: team.groups.map((group) => ({
      framework: group.framework.id,
      role: group.role.id,
      targetLevels: group.targets.map((t) => t.id),
      people: heatmap(group).rows.map(({ member: m }) => ({
        employee: m.employee,
        ...m.place,
        targetLevel: m.target.id,
        attainedLevel: m.result.attainedLevel,
        levelGap: m.result.levelGap,
        essentialsMet: m.result.essentialsMet,
        unmetEssential: m.result.unmetEssential,
        missing: m.result.missing,
        desirableScore: m.result.desirableScore,
      })),
      coverage: criterionCoverage(group).map(({ criterion, ...figures }) => ({ criterion: criterion.id, level: criterion.level, priority: criterion.priority, ...figures })),
      essentials: essentialsCoverage(group).map((e) => ({ level: e.level.id, assessed: e.assessed, met: e.met, share: e.share })),
      distribution: levelDistribution(group).map((d) => ({ level: d.level?.id ?? null, count: d.count })),
      bench: benchStrength(group).map((b) => ({ level: b.level.id, assessed: b.assessed, readyNow: names(b.readyNow), oneLevelAway: names(b.oneAway) })),
    })),
    problems: team.problems,
  };
}
