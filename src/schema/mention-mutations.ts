// Mention mutations: mark where a document names an actor or refers to an event.
import { addMention, type MentionWrite } from "../domain/mention-writes.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";
import { MUTATION_ERRORS } from "./errors.ts";
import { Event } from "./event.ts";
import { optionalRowId, publishAnnotationChanges, rowId, SpanInput } from "./inputs.ts";
import { ActorMention, EventMention } from "./mention.ts";

export const Mention = builder.unionType("Mention", {
  description: "A place in a document naming an actor or referring to an event",
  types: [ActorMention, EventMention],
  resolveType: (mention) => ("actorId" in mention ? ActorMention : EventMention),
});

const AddMentionInput = builder.inputType("AddMentionInput", {
  description: "Give exactly one of actorId and eventId",
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: Document }),
    actorId: t.globalID({ for: Actor }),
    eventId: t.globalID({ for: Event }),
    span: t.field({
      type: SpanInput,
      required: true,
      description: "Where the document names it; checked against its body",
    }),
  }),
});

const AddMentionPayload = builder.objectRef<MentionWrite>("AddMentionPayload").implement({
  fields: (t) => ({
    mention: t.field({ type: Mention, resolve: (payload) => payload.mention }),
    created: t.exposeBoolean("created", {
      description:
        "false: the document already had this mention (same target, same span); it is returned " +
        "and nothing changed",
    }),
  }),
});

builder.mutationFields((t) => ({
  addMention: t.field({
    type: AddMentionPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Adds a mention of an actor or an event at a span of a document; idempotent (asking " +
      "again returns the stored mention with created: false)",
    args: { input: t.arg({ type: AddMentionInput, required: true }) },
    resolve: async (_root, { input }) => {
      const result = await addMention(db(), {
        documentId: rowId(input.documentId, ["documentId"]),
        actorId: optionalRowId(input.actorId, ["actorId"]),
        eventId: optionalRowId(input.eventId, ["eventId"]),
        span: input.span,
      });
      if (result.created) publishAnnotationChanges([result.mention.documentId]);
      return result;
    },
  }),
}));
