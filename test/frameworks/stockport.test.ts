import { stockport } from "../../src/frameworks/stockport";
import { FrameworkInputSchema } from "../../src/core/framework";
import { lintFramework } from "../../src/core/lint";

const role = stockport.roles[0];
const byId = (id: string) => role.criteria.find((c) => c.id === id);

describe("Stockport Library Assistant framework", () => {
  it("is schema-valid, with no date since the source gives none", () => {
    const parsed = FrameworkInputSchema.safeParse(stockport);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(stockport.source.date).toBeUndefined();
    expect(lintFramework(stockport).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("has the source metadata", () => {
    expect(stockport.id).toBe("stockport-library-assistant");
    expect(stockport.publisher).toBe("Stockport Council");
    expect(stockport.source.seed).toBe("001_d8118f1ea38559ac.txt");
    expect(stockport.levels).toEqual([]);
    expect(stockport.defaultPriority).toBe("unspecified");
  });

  it("has one Library Assistant role at Grade 4", () => {
    expect(stockport.roles).toHaveLength(1);
    expect(role.id).toBe("library-assistant");
    expect(role.title).toBe("Library Assistant");
    expect(role.grade).toBe("Grade 4");
    expect(role.purpose).toMatch(/^To provide excellent customer service to all users of the Library & Information Service, engaging with them pro-actively/);
    expect(role.purpose).toContain("outreach sessions - including work with children - and first point of contact for face-to-face access to Council services and to advice.");
    expect(role.notes).toContain("Post Reports to: Team Librarian");
  });

  it("lists every lettered job activity under its key area", () => {
    const count = (area: string) => role.duties.filter((d) => d.area === area).length;
    expect(count("1. Provision of information and facilitation of access to advice and other services")).toBe(12);
    expect(count("2. Positive contribution to the cultural life of the community")).toBe(8);
    expect(count("3. Support for learners of all ages and abilities")).toBe(9);
    expect(count("4. Ensuring access for all")).toBe(6);
    expect(count("5. Clerical/administrative duties")).toBe(6);
    expect(count("Other duties")).toBe(6);
    expect(count("Additional duties")).toBe(3);
    expect(role.duties).toHaveLength(50);
    expect(role.duties[0].text).toMatch(/^a\) To welcome all customer enquiries, assess individual wants\/needs/);
    // Rejoined where the extraction broke the line.
    expect(role.duties).toContainEqual({
      area: "3. Support for learners of all ages and abilities",
      text: "a) To support, instruct and coach customers in using ICT services and systems, e.g. through taster sessions, 1-1 support, or PCs4U sessions for children.",
    });
    expect(role.duties).toContainEqual({
      area: "Other duties",
      text: "f) To assist in training new staff, volunteers and casual assistants, and to support less experienced members of the staff team in their development.",
    });
  });

  it("has the 24 person-specification criteria in source order", () => {
    expect(role.criteria.map((c) => c.id)).toEqual(Array.from({ length: 24 }, (_, i) => `SLA-${String(i + 1).padStart(2, "0")}`));
    expect(role.criteria[0].text).toBe("Experience of working in a customer service environment.");
    expect(role.criteria[23].text).toBe("A willingness to be flexible in a changing environment");
    expect(byId("SLA-04")?.text).toBe("Ability to welcome customer enquiries assess individual wants / needs and to supply information of all types on a wide range of topics.");
    expect(byId("SLA-07")?.text).toBe("Ability to lead or facilitate the organisation and running of various events and group activites for Adults of all ages.");
    expect(byId("SLA-17")?.text).toBe("Capable of lifting and handling");
    expect(byId("SLA-22")?.text).toBe("Understands and actively supports Stockport Council’s diversity and equality policy.");
    expect(new Set(role.criteria.map((c) => c.category))).toEqual(new Set(["Competency"]));
    expect(role.criteria.every((c) => c.level === undefined)).toBe(true);
  });

  it("marks priorities as the source does: 21 essential, 1 and 18 desirable, 2 unspecified", () => {
    expect(role.criteria.every((c) => c.priority !== undefined)).toBe(true);
    expect(role.criteria.filter((c) => c.priority === "essential")).toHaveLength(21);
    expect(role.criteria.filter((c) => c.priority === "desirable").map((c) => c.id)).toEqual(["SLA-01", "SLA-18"]);
    expect(byId("SLA-02")).toEqual({ id: "SLA-02", category: "Competency", priority: "unspecified", text: "Good interpersonal skills orally and verbally." });
    expect(byId("SLA-18")?.text).toBe("ECDL qualification or equivalent");
  });

  it("uses the source's scoring key as its scale", () => {
    expect(stockport.scale).toEqual({
      min: 0,
      max: 4,
      meets: 2,
      labels: [
        { value: 0, label: "Not met essential criteria" },
        { value: 1, label: "Partially meets essential criteria" },
        { value: 2, label: "Meets criteria" },
        { value: 3, label: "Exceeds criteria" },
        { value: 4, label: "Exceptional" },
      ],
    });
  });
});
