import type { FrameworkInput } from "../core/framework";

/**
 * Stockport Council, Library Assistant (Grade 4): job description and competency person
 * specification, transcribed from seed 001_d8118f1ea38559ac.txt.
 *
 * Wording is verbatim; only line breaks and runs of spaces left by the extraction are mended.
 * The source gives no date, so there is none here.
 */

const AREA_1 = "1. Provision of information and facilitation of access to advice and other services";
const AREA_2 = "2. Positive contribution to the cultural life of the community";
const AREA_3 = "3. Support for learners of all ages and abilities";
const AREA_4 = "4. Ensuring access for all";
const AREA_5 = "5. Clerical/administrative duties";
const AREA_6 = "Other duties";
const ADDITIONAL = "Additional duties";

/** The source heads the criteria column "Competency" and gives no other grouping. */
const CATEGORY = "Competency";

export const stockport: FrameworkInput = {
  id: "stockport-library-assistant",
  title: "Library Assistant: Job Description and Competency Person Specification",
  publisher: "Stockport Council",
  source: {
    document: "Stockport Council Job Description and Competency Person Specification, Post Title: Library Assistant",
    seed: "001_d8118f1ea38559ac.txt",
  },
  scale: {
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
  },
  version: "1",
  levels: [],
  defaultPriority: "unspecified",
  roles: [
    {
      id: "library-assistant",
      title: "Library Assistant",
      grade: "Grade 4",
      purpose:
        "To provide excellent customer service to all users of the Library & Information Service, engaging with them pro-actively, and adding value to the customer experience in the Library Assistant roles of trained information handler, provider of support and coaching to computer users, pro-active reading advisor, and facilitator or leader of reading groups, events, activities, learning opportunities and outreach sessions - including work with children - and first point of contact for face-to-face access to Council services and to advice.\n" +
        "Library Assistants work a range of hours at Libraries across the borough.",
      notes: [
        "Service Area: Libraries & Information Services",
        "Directorate: Corporate & Support Services",
        "Team: Libraries",
        "Salary Grade: 4",
        "Post Reports to: Team Librarian",
        "Post Responsible for: Responsible for casual staff and Saturday Assistants in absence of Librarian (i.e. regularly, on weekly basis, due to long opening hours of service). Mobile & Home Library Service staff are responsible for volunteers.",
        "Functional links with: Other Council services, partners (e.g. CAB, PCT, Age Concern), voluntary agencies and community groups, schools and nurseries",
        "Job activities: Summary of Responsibilities and Key Areas:\n" +
          "KEY AREAS\n" +
          "To assist in the delivery of the service’s fourfold Commitment to the Stockport community, by:\n" +
          "1. providing accurate information (including information on Council services) and access to advice and other services\n" +
          "2. making a positive contribution to the cultural life of the community\n" +
          "3. supporting learners of all ages and abilities\n" +
          "4. ensuring access for all\n" +
          "5. clerical/administrative duties\n" +
          "6. other duties.",
        "Resources: Cash, buildings, stock, ICT equipment in the absence of the Librarian, vehicles in the case of some posts (see 5b).",
        "The criteria listed below represent the most important skills, experience, technical expertise and qualifications needed for this job role.",
        "Your application will be assessed against these criteria to determine whether or not you are shortlisted for interview. Any interview questions, or additional assessments (tests, presentations etc.) will be broadly based on the criteria below.",
      ],
      duties: [
        { area: AREA_1, text: "a) To welcome all customer enquiries, assess individual wants/needs, and to supply information of all types on a wide range of topics in response to customer requests, in a confident, professional and helpful manner, by searching, evaluating, retrieving and matching appropriate online, other ICT, or paper-based resources to customer needs." },
        { area: AREA_1, text: "b) To act as the first point of face-to-face contact with the Council in Stockport Direct Local Centres and other libraries, supplying answers to requests for information on Council and community services." },
        { area: AREA_1, text: "c) To provide, in libraries designated as Children’s Centres and in other libraries as required, information on services for children and families, including details of local children’s centre arrangements." },
        { area: AREA_1, text: "d) To provide housing information in partnership with Stockport Homes." },
        { area: AREA_1, text: "e) To assist customers in accessing health information, and in booking appointments online at the hospital of their choice under the NHS ‘Patient Choice’ agenda." },
        { area: AREA_1, text: "f) To assist customers in accessing information resources on a range of mental health issues, or computerised cognitive behaviour therapy packages (CBT), in a sensitive and supportive manner, as part of the ‘Self Health@Your Library’ partnership with the PCT." },
        { area: AREA_1, text: "g) To maintain knowledge of the full range of library and information resources and services, including knowledge of Council and other public services/agencies, and to organise and maintain systems to update them." },
        { area: AREA_1, text: "h) Where customer enquiries cannot be satisfied directly or immediately, to signpost to another service or agency as appropriate." },
        { area: AREA_1, text: "i) To assess situations where advice, rather than information, is needed by customers, and to refer to the in-house advice provider where present, or other agency as appropriate." },
        { area: AREA_1, text: "j) To ensure a successful joint service provision of information and access to advice with other Stockport Direct colleagues, including Stockport Advice and Citizens Advice Bureau staff, through effective liaison and partnership working." },
        { area: AREA_1, text: "k) To arrange, or provide directly, a number of Council or community services, including initial processing of Council Tax benefit applications (document scanning), disposal of bulky refuse, issue of Leisure Key, bowling permits, residents’ parking permits, provision of hearing aid batteries, and access to some voluntary services." },
        { area: AREA_1, text: "l) To help customers to access information resources for themselves by assisting them in the use of public access computers." },

        { area: AREA_2, text: "a) To maintain and share with colleagues and customers enthusiasm for and knowledge of reading, books and other library materials." },
        { area: AREA_2, text: "b) To assist customers in their reading choices and literature searches." },
        { area: AREA_2, text: "c) To assist in the maintenance of a high quality bookstock and its promotion and presentation to customers." },
        { area: AREA_2, text: "d) Positively to promote library services, reading, heritage and culture to all users and non-users by leading, facilitating or assisting (on or off site) with the organisation and running of reading groups, writers’ groups, and other imaginative events, activities and exhibitions, including audience generation" },
        { area: AREA_2, text: "e) To lead, facilitate or assist in the delivery of events and activities for children, e.g. baby days, storytime sessions, bounce & rhyme, Summer Reading Challenge." },
        { area: AREA_2, text: "f) To assist in establishing/maintaining an attractive contemporary environment, reflecting a diversity of cultural experiences through the creation of relevant displays, posters and other materials." },
        { area: AREA_2, text: "g) To welcome and assist all individuals and groups wishing to use the service as a community resource, e.g. as a formal or informal meeting place." },
        { area: AREA_2, text: "h) To select library materials appropriate to the needs of Home Library Service users according to their individual profiles (Home Library Service)." },

        { area: AREA_3, text: "a) To support, instruct and coach customers in using ICT services and systems, e.g. through taster sessions, 1-1 support, or PCs4U sessions for children." },
        { area: AREA_3, text: "b) To provide solutions to customers’ ICT applications problems." },
        { area: AREA_3, text: "c) To assist customers in using other library equipment/reading aids." },
        { area: AREA_3, text: "d) To support learners in accessing printed and electronic resources." },
        { area: AREA_3, text: "e) To help customers make informed choices in relation to their learning needs, e.g. assist with study support, including assessment of skills/learning style and signposting to appropriate learning opportunities." },
        { area: AREA_3, text: "f) To assist in arranging and hosting class visits to libraries from schools." },
        { area: AREA_3, text: "g) To assist schoolchildren in finding ICT or printed resources to support their homework." },
        { area: AREA_3, text: "h) To facilitate sessions and courses run by Continuing Education Service, Age Concern or other partners in libraries, using library ICT and other resources." },
        { area: AREA_3, text: "i) To promote the Stockport Key to Learning, signposting customers to reciprocal access rights negotiated with local academic libraries, e.g. John Rylands University Library of Manchester." },

        { area: AREA_4, text: "a) To develop and maintain knowledge of different cultures and the particular needs of diverse client groups." },
        { area: AREA_4, text: "b) To use these skills to provide appropriate customer service and support in a sensitive manner to customers of different cultural backgrounds, those with sensory impairments or disabilities, and users with learning difficulties." },
        { area: AREA_4, text: "c) To assist in overcoming social exclusion by encouraging all members of the community to make full use of the Library & Information Service." },
        { area: AREA_4, text: "d) To participate in formal and informal customer consultation." },
        { area: AREA_4, text: "e) To work flexibly to ensure adequate staffing to cover extended opening hours, including evenings and Saturdays." },
        { area: AREA_4, text: "f) To provide telephone services to customers on library and information related matters outside Contact Centre opening hours, and at other times as required when enquiries cannot be resolved from Contact Centre resources." },

        { area: AREA_5, text: "a) To carry out clerical duties connected with membership, acquisition and receipt of stock, stock loans and readers’ requests, including inter-library loans, using ICT or other systems." },
        { area: AREA_5, text: "b) Where applicable (e.g. Mobile and Home Library Service; Bibliographical Services Unit; early years projects), to plan routes and schedules, drive vehicles and deliver materials to libraries, users’ homes or other locations." },
        { area: AREA_5, text: "c) To carry out a range of tasks to keep library resources (materials/equipment/environment/vehicles) in good order." },
        { area: AREA_5, text: "d) To take bookings, process applications and compile records and statistics as required." },
        { area: AREA_5, text: "e) To calculate and collect fees and charges for library and other Council services, keep accounts, cash up and bank income as required." },
        { area: AREA_5, text: "f) To carry out other general clerical duties, e.g. photocopying, packing/unpacking and loading/unloading of library stock, post and other errands." },

        { area: AREA_6, text: "a) To assist the Librarian in charge and take charge of the library or unit as required in her/his absence." },
        { area: AREA_6, text: "b) To work at any library/unit/outreach site in the Borough, either to meet organisational/operational needs or to facilitate learning opportunities." },
        { area: AREA_6, text: "c) To contribute to continuous service improvement, particularly via constructive participation in internal or external reviews, inspections or assessments, team/departmental/Directorate meetings, and working groups." },
        { area: AREA_6, text: "d) To take responsibility, in partnership with the organisation, for own learning and development." },
        { area: AREA_6, text: "e) To take responsibility, as required, for building/vehicle/stock/equipment security." },
        { area: AREA_6, text: "f) To assist in training new staff, volunteers and casual assistants, and to support less experienced members of the staff team in their development." },

        { area: ADDITIONAL, text: "To work positively and inclusively with colleagues and customers so that the Council provides a workplace and delivers services that do not discriminate against people on the ground of their age, sexuality, religion or belief, race, gender or disabilities." },
        { area: ADDITIONAL, text: "To fulfill personal requirements, where appropriate, with regard to Council policies and procedures, health, safety and welfare, customer care, emergency, evacuation, security and promotion of the Council’s priorities." },
        { area: ADDITIONAL, text: "To work flexibly in the interests of the service. This may include undertaking other duties provided that these are appropriate to the employee’s background, skills and abilities. Where this occurs there will be consultation with the employee and any necessary personal development will be taken into account." },
      ],
      criteria: [
        { id: "SLA-01", category: CATEGORY, priority: "desirable", text: "Experience of working in a customer service environment." },
        // The source leaves the Essential or Desirable column blank for criterion 2.
        { id: "SLA-02", category: CATEGORY, priority: "unspecified", text: "Good interpersonal skills orally and verbally." },
        { id: "SLA-03", category: CATEGORY, priority: "essential", text: "Confidence in supporting, instructing and coaching customers in using ICT services and systems" },
        { id: "SLA-04", category: CATEGORY, priority: "essential", text: "Ability to welcome customer enquiries assess individual wants / needs and to supply information of all types on a wide range of topics." },
        { id: "SLA-05", category: CATEGORY, priority: "essential", text: "Ability to provide & maintain knowledge of the full range of Library & information resources and services" },
        { id: "SLA-06", category: CATEGORY, priority: "essential", text: "Ability to maintain and share enthusiasm for and knowledge of reading, books and other library materials" },
        { id: "SLA-07", category: CATEGORY, priority: "essential", text: "Ability to lead or facilitate the organisation and running of various events and group activites for Adults of all ages." },
        { id: "SLA-08", category: CATEGORY, priority: "essential", text: "Ability to lead, facilitate or assist in the delivery of events, activities and storytimes for children." },
        { id: "SLA-09", category: CATEGORY, priority: "essential", text: "Ability to develop & maintain knowledge of different cultures and the particular needs of diverse client groups" },
        { id: "SLA-10", category: CATEGORY, priority: "essential", text: "Ability to handle and defuse potentially awkward/difficult situations in a public setting" },
        { id: "SLA-11", category: CATEGORY, priority: "essential", text: "Assist in establishing and maintaining an attractive contemporary environment" },
        { id: "SLA-12", category: CATEGORY, priority: "essential", text: "Ability to work effectively as part of a team" },
        { id: "SLA-13", category: CATEGORY, priority: "essential", text: "Ability to make effective decisions" },
        { id: "SLA-14", category: CATEGORY, priority: "essential", text: "Numerate and methodical, with effective organisational skills" },
        { id: "SLA-15", category: CATEGORY, priority: "essential", text: "Take responsibility for own learning and development" },
        { id: "SLA-16", category: CATEGORY, priority: "essential", text: "To assist the Team Librarian and colleagues to take charge of the Library or unit as required working collaboratively and supporting each other." },
        { id: "SLA-17", category: CATEGORY, priority: "essential", text: "Capable of lifting and handling" },
        { id: "SLA-18", category: CATEGORY, priority: "desirable", text: "ECDL qualification or equivalent" },
        { id: "SLA-19", category: CATEGORY, priority: "essential", text: "Knowledge of a range of public services" },
        { id: "SLA-20", category: CATEGORY, priority: "essential", text: "Willingness to work at any service point" },
        { id: "SLA-21", category: CATEGORY, priority: "essential", text: "Willingness to work evenings and Saturdays on a regular basis" },
        { id: "SLA-22", category: CATEGORY, priority: "essential", text: "Understands and actively supports Stockport Council’s diversity and equality policy." },
        { id: "SLA-23", category: CATEGORY, priority: "essential", text: "To meet Stockport Council’s standard of attendance." },
        { id: "SLA-24", category: CATEGORY, priority: "essential", text: "A willingness to be flexible in a changing environment" },
      ],
    },
  ],
};
