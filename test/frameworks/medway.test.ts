import { medway } from "../../src/frameworks/medway";
import { FrameworkInputSchema } from "../../src/core/framework";
import { lintFramework } from "../../src/core/lint";

const role = (id: string) => {
  const r = medway.roles.find((x) => x.id === id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
};
const criterion = (id: string) => {
  for (const r of medway.roles) {
    const c = r.criteria.find((x) => x.id === id);
    if (c) return { ...c, role: r.id };
  }
  throw new Error(`no criterion ${id}`);
};
const count = (roleId: string, level: string, category?: string) =>
  role(roleId).criteria.filter((c) => c.level === level && (category === undefined || c.category === category)).length;

describe("Medway libraries framework (seed 000_b1b3d953cb66f6ff.txt)", () => {
  it("is a valid framework with no lint errors", () => {
    expect(FrameworkInputSchema.safeParse(medway).success).toBe(true);
    expect(lintFramework(medway).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("has the metadata, levels and roles in source order", () => {
    expect(medway.id).toBe("medway-libraries-2024");
    expect(medway.publisher).toBe("Medway Council");
    expect(medway.source.date).toBe("2024-12");
    expect(medway.defaultPriority).toBe("essential");
    expect(medway.levels).toEqual([
      { id: "A", name: "Developing" },
      { id: "B", name: "Practising" },
      { id: "C", name: "Accomplished" },
    ]);
    expect(medway.roles.map((r) => [r.id, r.grade])).toEqual([
      ["library-assistant-casual", "Range 3"],
      ["library-assistant", "Range 3"],
      ["library-operations-officer", "Range 3"],
      ["library-manager", "Range 5"],
      ["library-and-community-hub-operations-manager", "Range 6"],
    ]);
  });

  it("never sets a priority on a criterion and uses only the four categories", () => {
    for (const r of medway.roles) {
      for (const c of r.criteria) {
        expect(c.priority).toBeUndefined();
        expect(["Qualifications", "Knowledge", "Experience", "Skills"]).toContain(c.category);
      }
    }
  });

  it("has ids {ROLE}-{LEVEL}-{CAT}{NN} numbered from 01 in source order", () => {
    const codes: Record<string, string> = {
      "library-assistant-casual": "LAC",
      "library-assistant": "LA",
      "library-operations-officer": "LOO",
      "library-manager": "LM",
      "library-and-community-hub-operations-manager": "LCHOM",
    };
    const catOrder = ["Qualifications", "Knowledge", "Experience", "Skills"];
    for (const r of medway.roles) {
      const seen = new Map<string, number>();
      let lastKey = -1;
      for (const c of r.criteria) {
        const key = ["A", "B", "C"].indexOf(c.level!) * 4 + catOrder.indexOf(c.category);
        expect(key).toBeGreaterThanOrEqual(lastKey);
        lastKey = key;
        const group = `${codes[r.id]}-${c.level}-${c.category[0]}`;
        const n = (seen.get(group) ?? 0) + 1;
        seen.set(group, n);
        expect(c.id).toBe(`${group}${String(n).padStart(2, "0")}`);
      }
    }
  });

  it("has the duties of each role", () => {
    expect(medway.roles.map((r) => r.duties.length)).toEqual([8, 8, 9, 8, 10]);
    expect(role("library-operations-officer").duties[7].text).toBe(
      "Publicise and actively promote library and related services to all sectors of the community, both users and non-users in collaboration with the front facing service, including managing social media accounts for Medway Libraries as required",
    );
    expect(role("library-and-community-hub-operations-manager").duties[0].text).toBe(
      "Lead on the operational management of Medway's Libraries and Community Hubs, including day to day management and longer-term strategic planning for the work of the Library Managers and Operations Assistant",
    );
  });

  it.each([
    // role, level, Q, K, E, S
    ["library-assistant-casual", "A", 1, 2, 3, 7],
    ["library-assistant-casual", "B", 1, 5, 3, 6],
    ["library-assistant-casual", "C", 0, 3, 3, 7],
    ["library-assistant", "A", 1, 2, 3, 8],
    ["library-assistant", "B", 1, 5, 3, 8],
    ["library-assistant", "C", 0, 3, 3, 9],
    ["library-operations-officer", "A", 1, 6, 4, 7],
    ["library-operations-officer", "B", 1, 3, 4, 4],
    ["library-operations-officer", "C", 0, 3, 4, 8],
    ["library-manager", "A", 1, 7, 5, 8],
    ["library-manager", "B", 2, 3, 4, 3],
    ["library-manager", "C", 0, 2, 4, 6],
    ["library-and-community-hub-operations-manager", "A", 2, 3, 7, 7],
    ["library-and-community-hub-operations-manager", "B", 1, 4, 4, 7],
    ["library-and-community-hub-operations-manager", "C", 0, 2, 7, 6],
  ])("%s level %s has %i/%i/%i/%i criteria (Q/K/E/S)", (r, level, q, k, e, s) => {
    expect(count(r as string, level as string, "Qualifications")).toBe(q);
    expect(count(r as string, level as string, "Knowledge")).toBe(k);
    expect(count(r as string, level as string, "Experience")).toBe(e);
    expect(count(r as string, level as string, "Skills")).toBe(s);
    expect(count(r as string, level as string)).toBe((q as number) + (k as number) + (e as number) + (s as number));
  });

  it("has every category at level A of every role", () => {
    for (const r of medway.roles) {
      for (const cat of ["Qualifications", "Knowledge", "Experience", "Skills"]) {
        expect(r.criteria.some((c) => c.level === "A" && c.category === cat)).toBe(true);
      }
    }
  });

  it("keeps the source wording", () => {
    expect(criterion("LAC-A-Q01")).toMatchObject({
      role: "library-assistant-casual",
      level: "A",
      category: "Qualifications",
      text: "A good standard of general education with a minimum of 5 GCSEs, or equivalent level 2 qualification, including Maths and English at grade 4-9",
    });
    expect(criterion("LAC-B-K01").text).toBe("In-depth knowledge of library customer base");
    expect(criterion("LAC-B-E03").text).toBe(
      "Experience of working out of hours library events such as lectures, festivals and hosted performances",
    );
    expect(criterion("LAC-C-E01").text).toBe(
      "Experience of working in a wide range of Community Hubs and Libraries covering a wide range of service points and roles",
    );
    expect(criterion("LA-A-S01").text).toBe("Proficient in the use of Microsoft Word, Teams, Excel and Outlook");
    expect(criterion("LA-B-Q01").text).toBe("Continued CPD to support service delivery");
    expect(criterion("LA-C-K02").text).toBe(
      "Knowledge of Medway Council corporate priorities and the role libraries and community hubs play in achieving these.",
    );
    expect(criterion("LOO-A-K06")).toMatchObject({ category: "Knowledge", text: "Knowledge of the applications of Microsoft Excel for data analysis" });
    expect(criterion("LOO-A-S01")).toMatchObject({ category: "Skills", text: "Proficient in the use of Microsoft Word, Excel, Teams and Outlook" });
    expect(criterion("LOO-B-K03").text).toBe("Knowledge of s106/CIL processes and regulations.");
    expect(criterion("LM-B-Q02").text).toBe("NEBOSH General certificate in Occupational Health and Safety or equivalent training");
    expect(criterion("LM-C-S06").text).toBe(
      "Highly developed personal skills including mediation, coaching, mentoring, negotiation, motivation and team leading",
    );
    expect(criterion("LCHOM-A-Q01").text).toBe(
      "A good standard of general education (GCSEs or equivalent level 2 qualification, including Maths and English at grade 4-9)",
    );
    expect(criterion("LCHOM-A-E03").text).toBe("Extensive experience of managing in a face-to-face customer service environment");
    expect(criterion("LCHOM-B-E02").text).toBe("Experience of leading large scale recruitment exercises to a wide range of positions");
    expect(criterion("LCHOM-B-E04").text).toBe("Experience of overseeing projects involving multiple internal stakeholders");
    expect(criterion("LCHOM-C-E04").text).toBe("Experience of overseeing projects involving multiple internal and external stakeholders");
    expect(criterion("LCHOM-C-S06").text).toBe(
      "Able to take on a wide range of work beyond the scope of the role, such as covering key duties of roles at the same organisational level within the service for extended periods or covering additional duties delegated from the Library Service Manager",
    );
  });

  it("marks the text lost in the extraction rather than inventing it", () => {
    expect(role("library-assistant-casual").duties[0].text).toBe(
      "Deliver a broad range of frontline customer service […] visitors across a range of formats",
    );
    expect(criterion("LM-A-K07").text).toBe("Knowledge of the principles of good customer […]");
    expect(criterion("LM-A-E05").text).toBe("Experience in using a CRM system for customer […]");
  });

  it("has no garbled duplicate lines from the extraction", () => {
    const all = medway.roles.flatMap((r) => [...r.criteria.map((c) => c.text), ...r.duties.map((d) => d.text)]);
    for (const junk of ["to-race", "maniple", "performances performances", "non-users in users", "•", "ExperienceExperience", "KnowledgeKnowledge"]) {
      expect(all.filter((t) => t.includes(junk))).toEqual([]);
    }
  });
});
