import { builder } from "./builder.ts";
import { Origin } from "./enums.ts";
import { Span } from "./span.ts";

export const ActorMention = builder.prismaNode("ActorMention", {
  id: { field: "id" },
  nullable: true,
  select: { id: true },
  description: "A place in a document where an actor is named",
  fields: (t) => ({
    actor: t.relation("actor"),
    document: t.relation("document"),
    origin: t.expose("origin", { type: Origin }),
    confidence: t.exposeFloat("confidence", {
      nullable: true,
      description: "How sure extraction was, 0–1; null for manual annotation",
    }),
    span: t.field({
      type: Span,
      select: { start: true, end: true, text: true },
      resolve: (m) => ({ start: m.start, end: m.end, text: m.text }),
    }),
  }),
});

export const EventMention = builder.prismaNode("EventMention", {
  id: { field: "id" },
  nullable: true,
  select: { id: true },
  description: "A place in a document that refers to an event",
  fields: (t) => ({
    event: t.relation("event"),
    document: t.relation("document"),
    origin: t.expose("origin", { type: Origin }),
    confidence: t.exposeFloat("confidence", {
      nullable: true,
      description: "How sure extraction was, 0–1; null for manual annotation",
    }),
    span: t.field({
      type: Span,
      select: { start: true, end: true, text: true },
      resolve: (m) => ({ start: m.start, end: m.end, text: m.text }),
    }),
  }),
});
