import Ajv2019 from "ajv/dist/2019";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The official CASE 1.1 CFPackage schema (schemas/case), compiled with ajv's draft 2019-09 class.
 * Its formats are checked here rather than through ajv-formats, which the project does not
 * depend on directly: a UUID of versions 1-5 (as the schema's comments say), a date, and an
 * RFC 3339 date-time with a time zone.
 */
const schema = JSON.parse(readFileSync(join(__dirname, "../../../schemas/case/case-v1p1-cfpackage.json"), "utf8"));
const ajv = new Ajv2019({ allErrors: true, strict: false });
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
export const validateCase = ajv.compile(schema);
