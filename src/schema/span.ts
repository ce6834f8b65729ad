import type { Span as SpanValue } from "../domain/spans.ts";
import { builder } from "./builder.ts";

export const Span = builder.objectRef<SpanValue>("Span").implement({
  description:
    "Where something is said: body.slice(start, end) === text, with start and end JavaScript " +
    "string indices (UTF-16 code units) into Document.body, end exclusive.",
  fields: (t) => ({
    start: t.exposeInt("start"),
    end: t.exposeInt("end"),
    text: t.exposeString("text"),
  }),
});
