// Validates records written by `ohs-domain demo --out DIR` against the JSON Schema
// printed by `ohs-domain schema Records`, with ajv: the schema is usable outside Python.
//
// Usage: node validate.mjs SCHEMA.json DIR
// Exit 0 when valid; 1 with every error (its JSON path) otherwise.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaFile, folder] = process.argv.slice(2);
if (!schemaFile || !folder) {
  console.error("usage: node validate.mjs SCHEMA.json DIR");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// The bundle, built from the folder: time_zone.json and one <collection>.jsonl each.
const bundle = { time_zone: JSON.parse(readFileSync(join(folder, "time_zone.json"), "utf8")) };
for (const file of readdirSync(folder).filter((name) => name.endsWith(".jsonl")).sort()) {
  const lines = readFileSync(join(folder, file), "utf8").split("\n").filter((line) => line.trim());
  bundle[file.replace(/\.jsonl$/, "")] = lines.map((line) => JSON.parse(line));
}

const records = Object.entries(bundle)
  .filter(([, value]) => Array.isArray(value))
  .reduce((sum, [, value]) => sum + value.length, 0);
if (validate(bundle)) {
  console.log(`valid against ${schema.title}: ${records} records`);
} else {
  for (const error of validate.errors) console.error(`${error.instancePath}: ${error.message}`);
  process.exit(1);
}
