import type { CriterionInput, FrameworkInput } from "../core/framework";

/**
 * Ontario Library Service, Competencies Index for Public Library Staff, Management/Leadership:
 * the Customer Service Champion and Community Relations core competencies, transcribed from
 * seeds 003_6f8c64bd8ec83b2c.txt and 004_5573f9a2fc711607.txt.
 *
 * Each core competency is a role (competency profile); each competency statement is a category
 * and each of its associated knowledge, skills and abilities a criterion. Wording is verbatim:
 * bullet glyphs and page furniture (the LibApps login, "Last Updated: Jul 11, 2023 8:42 AM",
 * "Print Page", "Report a problem") are dropped, and the items they split are rejoined.
 * The date is the later of the two pages' "Last updated" dates; each page's own is in its notes.
 */

/** Numbers the items of each competency in source order: prefix-01, prefix-02, ... */
function criteria(prefix: string, competencies: [string, string[]][]): CriterionInput[] {
  let n = 0;
  return competencies.flatMap(([category, items]) =>
    items.map((text) => ({ id: `${prefix}-${String(++n).padStart(2, "0")}`, category, text })),
  );
}

export const ontario: FrameworkInput = {
  id: "ontario-library-competencies",
  title: "Competencies Index for Public Library Staff",
  publisher: "Ontario Library Service",
  source: {
    document: "Competencies Index for Public Library Staff: Management/Leadership, Core Competencies: Customer Service Champion; Community Relations",
    date: "2015-08-13",
    url: "https://resources.olservice.ca/index",
    seed: "003_6f8c64bd8ec83b2c.txt, 004_5573f9a2fc711607.txt",
  },
  version: "1",
  levels: [],
  defaultPriority: "essential",
  roles: [
    {
      id: "customer-service-champion",
      title: "Customer Service Champion",
      purpose:
        "While a manager or supervisor may or may not provide direct public service, she or he, nonetheless, plays a key role in modeling, demanding, supporting, enabling and recognizing exemplary customer service. The consistent delivery of excellent service is fundamental to library success and needs to be an organizational priority. Interactions with users require trust and respect and focus on the needs of the individual. It is just as important to delivery quality customer service to online users as to those inside the library building.",
      duties: [],
      notes: ["Last updated: July 22, 2015"],
      criteria: criteria("CSC", [
        [
          "Manages the library environment to enhance the user experience",
          [
            "Organizes the library's collections and work areas to appeal to users and to meet their needs",
            "Organizes physical elements in the library to create a positive and welcoming environment",
            "Addresses the physical and/or mental barriers that could prevent people from using the library successfully",
            "Provides quality customer service to virtual users, ensuring that customer service principles are applied to online interactions.",
          ],
        ],
        [
          "Contributes effectively to the development and evaluation of standards and practices for the delivery of quality service",
          [
            "Anticipates and maintains awareness of users' needs and wants through regular, informal interactions, observations, user surveys, complaint logs and other means",
            "Analyzes input from users, evaluates the effectiveness of current services, and implements service improvements and adjustments to practices and procedures as necessary",
            "Uses effective training strategies to teach staff good customer service skills and techniques",
            "Works with staff to create measurable service standards and best practices based on users' needs and expectations.",
          ],
        ],
        [
          "Applies and models customer service skills to enhance the level of user satisfaction",
          [
            "Treats users in a welcoming, professional manner and provides other staff with a model of positive customer service",
            "Listens effectively to understand and address the particular needs of the individual library user",
            "Acts as a goodwill ambassador for the library, promoting the library's values and services in all interactions with library users and in the community",
            "Demonstrates thorough knowledge of all aspects of the organization that impact users (mission and vision, policies and procedures, collections and services, and system-wide strategies)",
            "Recognizes, honours and responds appropriately to all forms of diversity.",
          ],
        ],
        [
          "Applies effective techniques to address difficult situations with users",
          [
            "Encourages library users to follow library policies; applies good judgment when deviating from official policies and procedures",
            "Maintains a calm, professional manner in difficult situations and applies effective communication techniques",
            "Acts quickly to meet customer's concerns in the moment, if possible",
            "Follows up and gets back to customer when necessary, engaging him or her in communication and resolution leading to satisfaction",
            "Takes online concerns and complaints seriously and addresses them as thoroughly as any other complaint.",
          ],
        ],
      ]),
    },
    {
      id: "community-relations",
      title: "Community Relations",
      purpose:
        "Traditionally, community relations work has been about raising the profile of the library in the community so that more people understand the ways in which the library benefits the community. While this remains crucial work, leaders in the library sector have come to understand that community relations is also about engagement and relationship building, with individuals, groups and organizations. The public library can be positioned as a community leader, playing an active role in collaborative efforts to improve community resilience and well-being.",
      duties: [],
      notes: ["Last updated: August 13, 2015"],
      criteria: criteria("CR", [
        [
          "Documents library use in terms of community impact and value",
          [
            "Uses appropriate business and management approaches to communicate the library's value to decision makers",
            "Understands data collection, research and analysis methods",
            "Identifies sources and tools for gathering the best available data (both quantitative and qualitative), including systems to manage library data and generate reports",
            "Performs outcome-based evaluations to measure the effect of library programs and service on the community",
            "Follows emerging trends on new ways of measuring social and economic impact in the public library and not-for-profit sectors.",
          ],
        ],
        [
          "Builds community-wide support for the library, using a variety of methods",
          [
            "Communicates the library's value in community outcome measures that make clear the library's contribution to the community",
            "Delivers clear and coherent messages to targeted audiences employing a variety of communication vehicles - in print, in person and online",
            "Raises the library's visibility by having a library presence at community events, and participating in community initiatives",
            "Seeks public speaking opportunities as a means of educating the community about the library, promoting programs and services, and highlighting key community outcomes that address community challenges and priorities",
            "Leverages the community to build additional support at the local, provincial and national levels, both for ongoing library services and special one-time campaigns",
            "Leverages partnerships and participation in organizations to promote library initiatives",
            "Cultivates relationships with media representatives, community leaders and decision makers.",
          ],
        ],
        [
          "Engages the community in conversation",
          [
            "Understands and uses conversation as the best way of getting to know the community and helping the community get to know the library",
            "Engages individuals, groups and community organizations in conversations that help shape the library and help ensure that the library is meeting the community's evolving needs",
            "Uses a variety of vehicles for conversation, including one-on-one, key informant interviews, neighbourhood/ community events, library programs and events, and social media.",
          ],
        ],
        [
          "Uses social media effectively for interaction and engagement",
          [
            "Uses a variety of social media technologies to tell the library's story and raise the library's profile in the community",
            "Creates a familiar online persona that is personable and approachable",
            "Develops a social media strategy that coordinates online communications and conversations, while also allowing for spontaneous responses to emerging opportunities",
            "Follows trends in customer/community interaction platforms and experiments with new ones",
            "Knows how to get noticed online and implements strategies to do so",
            "Engages the public in dialogue about the library and the community",
            "Solicits input and feedback from the public in a variety of ways",
            "Generates interest in the library, its programs and services.",
          ],
        ],
        [
          "Understands and supports community resilience and well-being",
          [
            "Takes every opportunity to champion a strong and healthy community",
            "Helps library staff and board understand the library's role in supporting a strong and healthy community; models community engagement and leadership",
            "Advocates equal opportunity and offers the library as a vehicle for equal opportunity",
            "Supports community development initiatives and looks for ways the library might help",
            "Understands community issues and challenges",
            "Supports the community's aspirations for the future",
            "Contributes to community vitality by celebrating local arts and culture, participating in local events and supporting the local economy.",
          ],
        ],
        [
          "Forms strategic partnerships with community organizations",
          [
            "Identifies potential partners and opportunities to partner, and articulates the mutual advantages of partnership",
            "Develops and leverages collaborative relationships to facilitate the accomplishment of the library's goals and broader community goals",
            "Provides leadership to build effective relationships and coordinate efforts between internal and external stakeholders",
            "Sustains partner relationships for future opportunities",
            "Develops the library's reputation as a community leader and key community collaborator.",
          ],
        ],
      ]),
    },
  ],
};
