import { ontario } from "../../src/frameworks/ontario";
import { FrameworkInputSchema } from "../../src/core/framework";
import { lintFramework } from "../../src/core/lint";

const [csc, cr] = ontario.roles;
const categoryCounts = (criteria: typeof csc.criteria) =>
  criteria.reduce<[string, number][]>((acc, c) => {
    const last = acc[acc.length - 1];
    if (last && last[0] === c.category) last[1] += 1;
    else acc.push([c.category, 1]);
    return acc;
  }, []);
const text = (id: string) => [...csc.criteria, ...cr.criteria].find((c) => c.id === id)?.text;

describe("Ontario Library Service competencies", () => {
  it("is a valid framework without lint findings", () => {
    expect(FrameworkInputSchema.safeParse(ontario).success).toBe(true);
    expect(lintFramework(ontario)).toEqual([]);
  });

  it("has the source metadata", () => {
    expect(ontario.id).toBe("ontario-library-competencies");
    expect(ontario.publisher).toBe("Ontario Library Service");
    expect(ontario.title).toBe("Competencies Index for Public Library Staff");
    expect(ontario.source.seed).toBe("003_6f8c64bd8ec83b2c.txt, 004_5573f9a2fc711607.txt");
    expect(ontario.levels).toEqual([]);
    expect(ontario.defaultPriority).toBe("essential");
  });

  it("has two competency profiles with their introductory paragraphs and no duties", () => {
    expect(ontario.roles.map((r) => [r.id, r.title])).toEqual([
      ["customer-service-champion", "Customer Service Champion"],
      ["community-relations", "Community Relations"],
    ]);
    expect(csc.purpose).toMatch(/^While a manager or supervisor may or may not provide direct public service, she or he, nonetheless, plays a key role/);
    expect(cr.purpose).toMatch(/^Traditionally, community relations work has been about raising the profile of the library in the community/);
    expect(csc.duties).toEqual([]);
    expect(cr.duties).toEqual([]);
  });

  it("has 4 competencies and 18 criteria for Customer Service Champion", () => {
    expect(categoryCounts(csc.criteria)).toEqual([
      ["Manages the library environment to enhance the user experience", 4],
      ["Contributes effectively to the development and evaluation of standards and practices for the delivery of quality service", 4],
      ["Applies and models customer service skills to enhance the level of user satisfaction", 5],
      ["Applies effective techniques to address difficult situations with users", 5],
    ]);
    expect(csc.criteria.map((c) => c.id)).toEqual(Array.from({ length: 18 }, (_, i) => `CSC-${String(i + 1).padStart(2, "0")}`));
    expect(csc.criteria[0].text).toBe("Organizes the library's collections and work areas to appeal to users and to meet their needs");
    expect(csc.criteria[17].text).toBe("Takes online concerns and complaints seriously and addresses them as thoroughly as any other complaint.");
  });

  it("has 6 competencies and 35 criteria for Community Relations", () => {
    expect(categoryCounts(cr.criteria)).toEqual([
      ["Documents library use in terms of community impact and value", 5],
      ["Builds community-wide support for the library, using a variety of methods", 7],
      ["Engages the community in conversation", 3],
      ["Uses social media effectively for interaction and engagement", 8],
      ["Understands and supports community resilience and well-being", 7],
      ["Forms strategic partnerships with community organizations", 5],
    ]);
    expect(cr.criteria.map((c) => c.id)).toEqual(Array.from({ length: 35 }, (_, i) => `CR-${String(i + 1).padStart(2, "0")}`));
    expect(cr.criteria[0].text).toBe("Uses appropriate business and management approaches to communicate the library's value to decision makers");
    expect(cr.criteria[34].text).toBe("Develops the library's reputation as a community leader and key community collaborator.");
  });

  it("rejoins items split by page furniture and drops bullet glyphs", () => {
    expect(text("CSC-06")).toBe("Analyzes input from users, evaluates the effectiveness of current services, and implements service improvements and adjustments to practices and procedures as necessary");
    expect(text("CSC-07")).toBe("Uses effective training strategies to teach staff good customer service skills and techniques");
    expect(text("CSC-13")).toBe("Recognizes, honours and responds appropriately to all forms of diversity.");
    expect(text("CR-02")).toBe("Understands data collection, research and analysis methods");
    expect(text("CR-08")).toBe("Raises the library's visibility by having a library presence at community events, and participating in community initiatives");
    expect(text("CR-09")).toBe("Seeks public speaking opportunities as a means of educating the community about the library, promoting programs and services, and highlighting key community outcomes that address community challenges and priorities");
    expect(text("CR-30")).toBe("Contributes to community vitality by celebrating local arts and culture, participating in local events and supporting the local economy.");
    const all = [...csc.criteria, ...cr.criteria];
    expect(all.every((c) => !/^[·•\-\s]/.test(c.text) && !/LibApps|Last Updated|URL:|Print Page/.test(c.text))).toBe(true);
    expect(all.every((c) => c.priority === undefined && c.level === undefined)).toBe(true);
  });
});
