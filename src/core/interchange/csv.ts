/** One field of a CSV record, with where it starts (1-based line and character column). */
export interface CsvField {
  value: string;
  line: number;
  column: number;
}

export interface CsvRecord {
  fields: CsvField[];
  line: number;
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; column: number; message: string };

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; a
 * UTF-8 byte-order mark is skipped. Blank lines are left out. Each field keeps its position,
 * so a problem can name the line and column a person sees in an editor.
 */
export function parseCsv(text: string): CsvResult {
  const input = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let fields: CsvField[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const endRecord = () => {
    if (!(fields.length === 1 && fields[0].value === "")) records.push({ fields, line: fields[0].line });
    fields = [];
  };
  while (i <= input.length) {
    const fieldLine = line;
    const fieldColumn = i - lineStart + 1;
    let value = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) return { ok: false, line: fieldLine, column: fieldColumn, message: "A quoted field is never closed: a quote (\") is missing." };
        const ch = input[i];
        if (ch === '"') {
          if (input[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === "\n") {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      while (i < input.length && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") {
        if (input[i] !== " " && input[i] !== "\t") {
          return { ok: false, line, column: i - lineStart + 1, message: "Text follows a closing quote; put the whole field in quotes and double any quote inside it." };
        }
        i++;
      }
    } else {
      const start = i;
      while (i < input.length && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") i++;
      value = input.slice(start, i);
    }
    fields.push({ value: value.replace(/\r\n/g, "\n"), line: fieldLine, column: fieldColumn });
    if (i >= input.length) {
      endRecord();
      break;
    }
    if (input[i] === ",") {
      i++;
      continue;
    }
    if (input[i] === "\r") i++;
    if (input[i] === "\n") i++;
    line++;
    lineStart = i;
    endRecord();
    if (i >= input.length) break;
  }
  return { ok: true, records };
}
