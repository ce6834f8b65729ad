// Writes seeds/annotation.schema.json from the zod schema, so editors validate seed files as
// they are typed. A test checks the committed copy is current.
import { writeFileSync } from "node:fs";
import { annotationJsonSchema } from "../src/domain/annotation-json-schema.ts";

const target = new URL("../seeds/annotation.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(annotationJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
