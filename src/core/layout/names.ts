/** Excel's limits on sheet names. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*:[\]]/g;

/** What an assessment sheet's name starts with, while there is room for it. */
const ASSESS_PREFIX = "Assess ";

/** A level suffix may take this much of a name at most, so the role keeps some room. */
const MIN_ROLE_ROOM = 12;

/** Known short forms of words common in job titles; other long words keep their first four letters. */
const SHORT_FORMS: Record<string, string> = {
  administration: "Admin.",
  administrator: "Admin.",
  and: "&",
  assistant: "Asst.",
  associate: "Assoc.",
  community: "Comm.",
  coordinator: "Coord.",
  customer: "Cust.",
  department: "Dept.",
  development: "Dev.",
  director: "Dir.",
  executive: "Exec.",
  information: "Info.",
  junior: "Jr.",
  librarian: "Libn.",
  libraries: "Libs.",
  library: "Lib.",
  management: "Mgmt",
  manager: "Mgr",
  officer: "Off.",
  operations: "Ops",
  principal: "Princ.",
  professional: "Prof.",
  senior: "Sr.",
  service: "Svc.",
  services: "Svcs",
  specialist: "Spec.",
  supervisor: "Supv.",
  technician: "Tech.",
};

/** Forbidden characters replaced, spaces collapsed, no edge apostrophes. */
function clean(text: string): string {
  return text.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
}

/** The words of a name, a parenthesised group counting as one word so that nothing cuts inside it. */
function words(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    let end = i;
    if (text[i] === "(") {
      let depth = 0;
      for (; end < text.length; end++) {
        if (text[end] === "(") depth++;
        else if (text[end] === ")" && --depth === 0) break;
      }
      end = Math.min(end + 1, text.length);
    } else {
      while (end < text.length && text[end] !== " " && text[end] !== "(") end++;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The first n UTF-16 units of text (Excel counts a name's length in them), never half a surrogate pair. */
function prefix(text: string, n: number): string {
  const cut = text.slice(0, Math.max(0, n));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function abbreviateWord(word: string): string {
  if (word.startsWith("(")) {
    const inner = word.replace(/^\(|\)$/g, "");
    return `(${words(inner).map(abbreviateWord).join(" ")})`;
  }
  const known = SHORT_FORMS[word.toLowerCase()];
  if (known) return known;
  // A word already ending in "." is a short form; short words lose too much when cut.
  return word.length > 6 && !word.endsWith(".") ? `${prefix(word, 4)}.` : word;
}

function initial(word: string): string {
  if (word.startsWith("(")) return /^\(\p{L}/u.test(word) ? `(${word.slice(1, 2)})` : word;
  return /^\p{L}\p{L}/u.test(word) ? `${word.slice(0, 1)}.` : word;
}

/**
 * Text shortened to at most `room` characters, keeping what tells names apart, which in job titles
 * is mostly at the right: words are shortened from the left (the last one last), then reduced to
 * initials, then dropped from the left behind "…"; a parenthesised group is shortened whole.
 */
function shorten(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room <= 0) return "";
  const parts = words(text);
  const fits = () => parts.join(" ").length <= room;
  const order = [...parts.keys()].slice(0, -1).concat(parts.length - 1);
  for (const step of [abbreviateWord, initial]) {
    for (const i of order) {
      parts[i] = step(parts[i]);
      if (fits()) return parts.join(" ");
    }
  }
  while (parts.length > 1 && `…${parts.join(" ")}`.length > room) parts.shift();
  const rest = parts.join(" ");
  if (`…${rest}`.length <= room) return `…${rest}`;
  // One word too long even alone: cut it, closing a group it cut into.
  return rest.startsWith("(") && room >= 3 ? `(${prefix(rest.slice(1), room - 3)}…)` : `${prefix(rest, room - 1)}…`;
}

/** A name's trailing " (...)" group, which shortening keeps whole, and the rest. */
function splitTail(name: string): { head: string; tail: string } {
  const parts = words(name);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !last.startsWith("(") || !last.endsWith(")")) return { head: name, tail: "" };
  return { head: name.slice(0, name.length - last.length).trimEnd(), tail: ` ${last}` };
}

/** head + tail in `max` characters: the tail kept whole when it leaves the head some room. */
function fit(head: string, tail: string, max: number): string {
  if (tail.length > max - MIN_ROLE_ROOM / 2) return shorten(`${head}${tail}`, max);
  return `${shorten(head, max - tail.length)}${tail}`.trim();
}

function excelSafe(name: string): string {
  const safe = name.replace(/^'+|'+$/g, "").trim();
  return safe === "" || safe.toLowerCase() === "history" ? `Sheet ${safe}`.trim() : safe;
}

/** A name Excel accepts: forbidden characters replaced, no edge apostrophes, at most 31 characters. */
export function safeSheetName(wanted: string): string {
  const { head, tail } = splitTail(clean(wanted));
  return excelSafe(fit(head, tail, MAX_SHEET_NAME));
}

/**
 * The name of an assessment sheet: "Assess Library Manager (B)" when it fits. Longer ones keep the
 * level suffix whole and shorten the role: "Assess " goes first (the level suffix still marks an
 * assessment sheet, and not the role's criteria sheet), then the role's words from the left.
 */
export function assessmentSheetName(roleTitle: string, levelId: string | undefined): string {
  const role = clean(roleTitle);
  const level = levelId === undefined ? "" : clean(levelId);
  const tail = level === "" ? "" : ` (${shorten(level, MAX_SHEET_NAME - MIN_ROLE_ROOM - 3)})`;
  const full = `${ASSESS_PREFIX}${role}${tail}`;
  if (full.length <= MAX_SHEET_NAME) return excelSafe(full);
  if (tail === "") return excelSafe(`${ASSESS_PREFIX}${shorten(role, MAX_SHEET_NAME - ASSESS_PREFIX.length)}`);
  return excelSafe(fit(role, tail, MAX_SHEET_NAME));
}

/**
 * A safe name not already taken (Excel compares sheet names case-insensitively): "Name",
 * then "Name (2)", "Name (3)"..., shortening the name so the suffix always fits: never the
 * suffix, nor the level suffix while it leaves room, and never inside a parenthesis.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = safeSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  const { head, tail } = splitTail(base);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const keepTail = tail !== "" && tail.length + suffix.length <= MAX_SHEET_NAME - MIN_ROLE_ROOM / 2;
    const rest = keepTail ? `${tail}${suffix}` : suffix;
    let front = keepTail ? head : `${head}${tail}`;
    // With its level suffix kept, a sheet still reads as an assessment without "Assess ".
    if (keepTail && front.startsWith(ASSESS_PREFIX) && front.length + rest.length > MAX_SHEET_NAME) front = front.slice(ASSESS_PREFIX.length);
    const name = excelSafe(`${shorten(front, MAX_SHEET_NAME - rest.length)}${rest}`);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A table name Excel accepts (letters, digits, underscores; starts with a letter), unique in the workbook. */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!/^[A-Za-z]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RC]$/i.test(base)) base = `${base}_`;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
