// Writes schemas/framework.schema.json from the zod schema (src/core/framework.ts), compiled to lib/
// by `npm run build:cli`. test/core/interchange/json.test.ts fails when the published file is stale.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { frameworkJsonSchema, FRAMEWORK_SCHEMA_FILE } = require("../lib/core/interchange/json.js");
const target = new URL(`../${FRAMEWORK_SCHEMA_FILE}`, import.meta.url);
writeFileSync(target, JSON.stringify(frameworkJsonSchema(), null, 2) + "\n");
console.log(`Wrote ${FRAMEWORK_SCHEMA_FILE}`);
