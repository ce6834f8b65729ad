import { z } from "zod";
import { seedFileSchema } from "./annotation-format.ts";

/** The seed file format as JSON Schema (input side: defaults are optional for authors). */
export function annotationJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(seedFileSchema, { io: "input", target: "draft-2020-12" }),
    title: "newsgraph annotation file",
  };
}
