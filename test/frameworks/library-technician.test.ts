import { libraryTechnician } from "../../src/frameworks/library-technician";
import { FrameworkInputSchema } from "../../src/core/framework";
import { lintFramework } from "../../src/core/lint";

const [lt, lts] = libraryTechnician.roles;
const texts = (criteria: typeof lt.criteria, level: string, category?: string) =>
  criteria.filter((c) => c.level === level && (category === undefined || c.category === category)).map((c) => c.text);

describe("Library Technician framework", () => {
  it("is schema-valid, saying the source names no publisher and gives no date", () => {
    const parsed = FrameworkInputSchema.safeParse(libraryTechnician);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(libraryTechnician.publisher).toBe("Not named in the source document");
    expect(libraryTechnician.source.date).toBeUndefined();
    expect(lintFramework(libraryTechnician)).toEqual([]);
  });

  it("has the three contributor levels and two roles without a pay grade", () => {
    expect(libraryTechnician.id).toBe("library-technician");
    expect(libraryTechnician.source.seed).toBe("002_310b33dc8b48145d.txt");
    expect(libraryTechnician.levels).toEqual([
      { id: "recent", name: "Recent Contributor" },
      { id: "experienced", name: "Experienced Contributor" },
      { id: "independent", name: "Independent Contributor" },
    ]);
    expect(libraryTechnician.defaultPriority).toBe("essential");
    expect(libraryTechnician.roles.map((r) => [r.id, r.title, r.grade])).toEqual([
      ["library-technician", "Library Technician", undefined],
      ["library-technician-senior", "Library Technician Senior", undefined],
    ]);
  });

  it("takes purpose from the levels of work and keeps the concept", () => {
    expect(lt.purpose).toBe("This is technical work monitoring various files, records and statistics, providing reference and research services to patrons and providing library services and basic cataloging of materials.");
    expect(lts.purpose).toBe("This is technical work coordinating library support functions such as cataloging, reference and research services, collection maintenance, bookmobile service, community services, or recreational reading services; and provides training to less experienced staff.");
    for (const role of [lt, lts]) {
      expect(role.notes?.[0]).toMatch(/^CONCEPT: Perform technical functions related to library activities\./);
      expect(role.notes).toContain("Education may be substituted for experience as determined relevant by the agency.");
      expect(role.notes).toContain("Some positions may require additional minimum requirements that will be specified on the position.");
    }
  });

  it("gives both roles the 12 tasks as duties", () => {
    for (const role of [lt, lts]) {
      expect(role.duties).toHaveLength(12);
      expect(role.duties.every((d) => d.area === "Tasks")).toBe(true);
      expect(role.duties[0].text).toBe("Performs cataloging of library materials.");
      expect(role.duties[11].text).toBe("Selects, prepares and records library and historically valuable materials for inter-library loan requests according to library policy.");
    }
  });

  it("puts each role's minimum requirement first, at level recent", () => {
    expect(lt.criteria[0]).toEqual({ id: "LT-R01", level: "recent", category: "Minimum requirements", text: "One year of experience in library work or administrative support work." });
    expect(lts.criteria[0]).toEqual({ id: "LTS-R01", level: "recent", category: "Minimum requirements", text: "Three years of experience in library work or administrative support work." });
    for (const role of [lt, lts]) {
      expect(role.criteria.filter((c) => c.category === "Minimum requirements")).toHaveLength(1);
    }
  });

  it("applies the contributor-level table to both roles", () => {
    for (const role of [lt, lts]) {
      expect(role.criteria).toHaveLength(11);
      expect(texts(role.criteria, "recent")).toHaveLength(4);
      expect(texts(role.criteria, "experienced")).toHaveLength(4);
      expect(texts(role.criteria, "independent")).toHaveLength(3);
      expect(texts(role.criteria, "recent", "Contributor level descriptor")).toEqual([
        "Employees have basic understanding in caring and maintaining books and materials for a library.",
        "Employees acquire a skill and beginning “expertise” in the specialized subject area where assigned or in a small library the general knowledge of library operations; also acquires the knowledge of general library standards, procedures, techniques, systems, working manuals, and reference sources.",
      ]);
      expect(texts(role.criteria, "experienced", "Contributor level descriptor")).toHaveLength(3);
      expect(texts(role.criteria, "experienced", "Contributor level descriptor")[2]).toBe("Employees explain information related to overall library operations and respond to requests that deviate from standard operating procedures.");
      expect(texts(role.criteria, "independent", "Contributor level descriptor")[0]).toBe("Employees have full understanding in caring and maintaining books and materials for a library, and less need for consultation with superiors.");
      expect(role.criteria.filter((c) => c.category === "Performance Range for Core Competencies").map((c) => [c.level, c.text])).toEqual([
        ["recent", "Job Responsibilities – Learner to Experienced Knowledge"],
        ["experienced", "Job Responsibilities – Experienced Knowledge to Expert Knowledge"],
        ["independent", "Job Responsibilities – Expert Knowledge to Transferring Knowledge"],
      ]);
    }
  });

  it("numbers criteria per role and level", () => {
    expect(lt.criteria.map((c) => c.id)).toEqual(["LT-R01", "LT-R02", "LT-R03", "LT-R04", "LT-E01", "LT-E02", "LT-E03", "LT-E04", "LT-I01", "LT-I02", "LT-I03"]);
    expect(lts.criteria.map((c) => c.id)).toEqual(["LTS-R01", "LTS-R02", "LTS-R03", "LTS-R04", "LTS-E01", "LTS-E02", "LTS-E03", "LTS-E04", "LTS-I01", "LTS-I02", "LTS-I03"]);
    expect(lts.criteria[10].text).toBe("Job Responsibilities – Expert Knowledge to Transferring Knowledge");
  });
});
