import { SaxesParser } from "saxes";

/** Thrown from inside the parser to stop reading once the cells wanted have been seen. */
class Enough extends Error {}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * The text or number of a few cells in the first rows of a worksheet part, without reading the
 * rest of the sheet: enough to recognise a sheet by its first cells. Shared strings come back
 * as their index (`{ shared: n }`), for the caller to look up.
 */
export function peekCells(xml: string, wanted: string[], lastRow: number): Map<string, string | number | boolean | { shared: number }> {
  const found = new Map<string, string | number | boolean | { shared: number }>();
  const parser = new SaxesParser();
  let ref: string | undefined;
  let type = "n";
  let text = "";
  let inValue = false;
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    if (name === "row" && Number(tag.attributes.r) > lastRow) throw new Enough();
    if (name === "c") {
      ref = String(tag.attributes.r ?? "");
      type = String(tag.attributes.t ?? "n");
      text = "";
    } else if (ref && (name === "v" || name === "t")) inValue = true;
  });
  parser.on("text", (t) => {
    if (inValue) text += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "v" || name === "t") inValue = false;
    if (name === "c" && ref) {
      if (wanted.includes(ref)) {
        if (type === "s") found.set(ref, { shared: Number(text) });
        else if (type === "b") found.set(ref, text === "1");
        else if (type === "n" && text !== "") found.set(ref, Number(text));
        else found.set(ref, text);
      }
      ref = undefined;
      if (wanted.every((w) => found.has(w))) throw new Enough();
    }
    if (name === "sheetData") throw new Enough();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  return found;
}

/** The shared strings of a workbook, as plain text (rich text runs joined). */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    if (name === "si") current = "";
    else if (name === "rPh") inPhonetic = true;
    else if (name === "t" && !inPhonetic) inText = true;
  });
  parser.on("text", (t) => {
    if (inText && current !== undefined) current += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "t") inText = false;
    else if (name === "rPh") inPhonetic = false;
    else if (name === "si") {
      strings.push(current ?? "");
      current = undefined;
    }
  });
  parser.write(xml).close();
  return strings;
}
