import type { CriterionInput, Duty, FrameworkInput } from "../core/framework";

/**
 * Library Technician and Library Technician Senior class specification (a public-sector class
 * plan), transcribed from seed 002_310b33dc8b48145d.txt.
 *
 * Wording is verbatim; only line breaks and runs of spaces left by the extraction are mended.
 * The source names no publisher and gives no date: the publisher says so, and there is no date.
 * The class table's Class Code, Pay Plan and Pay Grade cells are
 * read as in the notes below; no pay grade is given, so neither role has a grade.
 */

const CONCEPT =
  "CONCEPT: Perform technical functions related to library activities. This primarily involves basic reference, research and cataloging services, processing of loan requests and filing or shelving of books and other library materials. Some positions may be assigned overall responsibility for providing library services in a state institution, school or other facility.";

const CONTRIBUTOR_LEVELS =
  "CONTRIBUTOR LEVELS: Contributor levels are a range of work within a class that allows for a progressive increase of responsibility and employee competency. Progression through a contributor level is dependent upon management discretion, the availability of funds, increase of responsibilities, and the employee’s acquisition of competencies and job performance. Specific career plans are designed for employees by their agency that are tailored to the organization and mission of each activity using the below framework and the established pay plan for the class.";

const SUBSTITUTION = "Education may be substituted for experience as determined relevant by the agency.";
const ADDITIONAL_REQUIREMENTS = "Some positions may require additional minimum requirements that will be specified on the position.";

/** The TASKS of the class concept; they apply to both classes. */
const TASKS: Duty[] = [
  "Performs cataloging of library materials.",
  "Collects payments for book fines and fees. Reconciles the fees collected.",
  "Controls the processing of incomplete periodical volumes.",
  "Orders periodicals, newspapers and books including resolving complex invoice and service problems by investigating orders and working with vendors and publishers.",
  "Maintains statistical data on patrons served, requested materials, etc.",
  "Performs reference and research services for users, including Internet and database searching.",
  "Prepares books and other materials for circulation.",
  "Guides patrons in finding and using library resources, including reference materials, audiovisual equipment, computers, and electronic resources and assists patrons with on-line retrieval of information.",
  "Maintains the integrity of library databases.",
  "Processes inter-library loan requests.",
  "Shelves and files library materials.",
  "Selects, prepares and records library and historically valuable materials for inter-library loan requests according to library policy.",
].map((text) => ({ area: "Tasks", text }));

const DESCRIPTOR = "Contributor level descriptor";
const PERFORMANCE_RANGE = "Performance Range for Core Competencies";

type LevelId = "recent" | "experienced" | "independent";

/**
 * The CONTRIBUTOR LEVELS table, headed "LIBRARY TECHNICIAN/LIBRARY TECHNICIAN SENIOR", so it
 * applies to both classes: one column per contributor level (Recent, Experienced, Independent,
 * from MINIMUM to MAXIMUM), each with its descriptor bullets and then its "Performance Range for
 * Core Competencies" entry.
 */
const CONTRIBUTOR_TABLE: { level: LevelId; category: string; text: string }[] = [
  { level: "recent", category: DESCRIPTOR, text: "Employees have basic understanding in caring and maintaining books and materials for a library." },
  { level: "recent", category: DESCRIPTOR, text: "Employees acquire a skill and beginning “expertise” in the specialized subject area where assigned or in a small library the general knowledge of library operations; also acquires the knowledge of general library standards, procedures, techniques, systems, working manuals, and reference sources." },
  { level: "recent", category: PERFORMANCE_RANGE, text: "Job Responsibilities – Learner to Experienced Knowledge" },

  { level: "experienced", category: DESCRIPTOR, text: "Employees have full understanding in caring and maintaining books and materials for a library." },
  { level: "experienced", category: DESCRIPTOR, text: "Employees have the comprehensive knowledge in library area where they work; including ability to infer actions to take from existing guidelines and procedures to respond to specific situations or unusual situations." },
  { level: "experienced", category: DESCRIPTOR, text: "Employees explain information related to overall library operations and respond to requests that deviate from standard operating procedures." },
  { level: "experienced", category: PERFORMANCE_RANGE, text: "Job Responsibilities – Experienced Knowledge to Expert Knowledge" },

  { level: "independent", category: DESCRIPTOR, text: "Employees have full understanding in caring and maintaining books and materials for a library, and less need for consultation with superiors." },
  { level: "independent", category: DESCRIPTOR, text: "Employees possess more intensive knowledge of the specialization where the work, experience and ability with research methods, or demonstrate ability to write, speak or design work and a thorough mastery of related library operating procedures." },
  { level: "independent", category: PERFORMANCE_RANGE, text: "Job Responsibilities – Expert Knowledge to Transferring Knowledge" },
];

const LEVEL_LETTER: Record<LevelId, string> = { recent: "R", experienced: "E", independent: "I" };

/** The role's minimum requirements at level "recent", then the contributor table, with ids like LT-R01. */
function criteriaFor(prefix: string, minimumRequirements: string[]): CriterionInput[] {
  const rows = [
    ...minimumRequirements.map((text) => ({ level: "recent" as LevelId, category: "Minimum requirements", text })),
    ...CONTRIBUTOR_TABLE,
  ];
  const counters: Record<LevelId, number> = { recent: 0, experienced: 0, independent: 0 };
  return rows.map((row) => {
    counters[row.level] += 1;
    const id = `${prefix}-${LEVEL_LETTER[row.level]}${String(counters[row.level]).padStart(2, "0")}`;
    return { id, level: row.level, category: row.category, text: row.text };
  });
}

export const libraryTechnician: FrameworkInput = {
  id: "library-technician",
  title: "Library Technician/Library Technician Senior",
  publisher: "Not named in the source document",
  source: {
    document: "Occupational Group: Education, Training and Library; Class Group: Library Science: Library Technician, Library Technician Senior",
    seed: "002_310b33dc8b48145d.txt",
  },
  version: "1",
  levels: [
    { id: "recent", name: "Recent Contributor" },
    { id: "experienced", name: "Experienced Contributor" },
    { id: "independent", name: "Independent Contributor" },
  ],
  defaultPriority: "essential",
  roles: [
    {
      id: "library-technician",
      title: "Library Technician",
      purpose:
        "This is technical work monitoring various files, records and statistics, providing reference and research services to patrons and providing library services and basic cataloging of materials.",
      duties: TASKS,
      notes: [CONCEPT, "Occupational Role: Technical", "Pay Plan: Current", SUBSTITUTION, ADDITIONAL_REQUIREMENTS, CONTRIBUTOR_LEVELS],
      criteria: criteriaFor("LT", ["One year of experience in library work or administrative support work."]),
    },
    {
      id: "library-technician-senior",
      title: "Library Technician Senior",
      purpose:
        "This is technical work coordinating library support functions such as cataloging, reference and research services, collection maintenance, bookmobile service, community services, or recreational reading services; and provides training to less experienced staff.",
      duties: TASKS,
      notes: [CONCEPT, "Occupational Role: Technical", "Pay Plan: Current", SUBSTITUTION, ADDITIONAL_REQUIREMENTS, CONTRIBUTOR_LEVELS],
      criteria: criteriaFor("LTS", ["Three years of experience in library work or administrative support work."]),
    },
  ],
};
