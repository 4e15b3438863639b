/** Wraps text at word boundaries to lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A plain-text table: columns padded to their widest cell, the last column wrapped so that
 * long criterion texts stay readable in a terminal.
 */
export function renderTable(headers: string[], rows: string[][], lastColumnWidth = 72): string {
  const fixed = headers.length - 1;
  const widths = headers.slice(0, fixed).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const indent = widths.reduce((sum, w) => sum + w + 2, 0);
  const renderRow = (cells: string[]) => {
    const head = cells.slice(0, fixed).map((c, i) => c.padEnd(widths[i])).join("  ");
    const [first, ...rest] = wrap(cells[fixed], lastColumnWidth);
    return [`${head}${fixed ? "  " : ""}${first}`.trimEnd(), ...rest.map((l) => " ".repeat(indent) + l)].join("\n");
  };
  const rule = [...widths.map((w) => "-".repeat(w)), "-".repeat(Math.min(lastColumnWidth, Math.max(headers[fixed].length, 8)))].join("  ");
  return [renderRow(headers), rule, ...rows.map(renderRow)].join("\n") + "\n";
}
