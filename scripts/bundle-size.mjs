#!/usr/bin/env node
// Prints the size of each built script, raw and gzipped, one JSON object per line (as the benchmarks do).
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);
const GOAL_KB = { "taskpane.js": 150 };
for (const file of readdirSync(dist).filter((f) => f.endsWith(".js")).sort()) {
  const bytes = readFileSync(new URL(file, dist));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const goal = GOAL_KB[file];
  console.log(JSON.stringify({ name: `${file} gzip${goal ? ` (goal <= ${goal} KB)` : ""}`, value: +(gzip / 1024).toFixed(1), unit: "KB", raw: bytes.length }));
}
