// Claim mutations: create, update, delete, and link a claim to an event.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { createClaim, deleteClaim, linkClaimToEvent, updateClaim } from "../domain/claim-writes.ts";
import type { Claim as ClaimRow } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { Claim } from "./claim.ts";
import { db } from "./db.ts";
import { Document } from "./document.ts";
import { ClaimKind } from "./enums.ts";
import { MUTATION_ERRORS } from "./errors.ts";
import { Event } from "./event.ts";
import {
  FuzzyDateInput,
  type FuzzyDateInputValue,
  fuzzyDateFromInput,
  optionalRowId,
  publishAnnotationChanges,
  rowId,
  rowIds,
  SpanInput,
} from "./inputs.ts";

type GlobalId = { typename: string; id: string | number };

/** A claim input's actor and event references as row ids, and its date, for the domain. */
function claimReferences(input: {
  claimantId?: GlobalId | null;
  subjectIds?: readonly GlobalId[] | null;
  eventId?: GlobalId | null;
  statedAt?: FuzzyDateInputValue | null;
}) {
  return {
    claimantId: optionalRowId(input.claimantId, ["claimantId"]),
    subjectIds: input.subjectIds && rowIds(input.subjectIds, ["subjectIds"]),
    eventId: optionalRowId(input.eventId, ["eventId"]),
    statedAt: fuzzyDateFromInput(input.statedAt),
  };
}

const CreateClaimInput = builder.inputType("CreateClaimInput", {
  fields: (t) => ({
    documentId: t.globalID({ required: true, for: Document }),
    span: t.field({
      type: SpanInput,
      required: true,
      description: "Where the document makes the claim; checked against its body",
    }),
    text: t.string({ required: true, description: "What is claimed, in plain words" }),
    quote: t.string({ description: "Verbatim words; must appear inside span.text" }),
    kind: t.field({ type: ClaimKind, required: true }),
    claimantId: t.globalID({
      for: Actor,
      description: "Who asserts it; null or absent when the document itself does",
    }),
    subjectIds: t.globalIDList({ for: Actor, description: "The actors the claim is about" }),
    statedAt: t.field({ type: FuzzyDateInput, description: "When the claim was made" }),
    eventId: t.globalID({ for: Event, description: "The event the claim concerns" }),
  }),
});

const UpdateClaimInput = builder.inputType("UpdateClaimInput", {
  description:
    "Fields left out stay as they are; null clears quote, claimantId, statedAt and eventId. " +
    "The claim stays in its document.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: Claim }),
    span: t.field({ type: SpanInput }),
    text: t.string(),
    quote: t.string(),
    kind: t.field({ type: ClaimKind }),
    claimantId: t.globalID({ for: Actor }),
    subjectIds: t.globalIDList({ for: Actor, description: "Replaces the subjects" }),
    statedAt: t.field({ type: FuzzyDateInput }),
    eventId: t.globalID({ for: Event }),
  }),
});

const DeleteClaimInput = builder.inputType("DeleteClaimInput", {
  fields: (t) => ({ id: t.globalID({ required: true, for: Claim }) }),
});

const LinkClaimToEventInput = builder.inputType("LinkClaimToEventInput", {
  fields: (t) => ({
    claimId: t.globalID({ required: true, for: Claim }),
    eventId: t.globalID({ for: Event, description: "null (or absent) unlinks the claim" }),
  }),
});

const ClaimPayload = (name: string) =>
  builder.objectRef<{ claim: ClaimRow }>(name).implement({
    fields: (t) => ({ claim: t.field({ type: Claim, resolve: (payload) => payload.claim }) }),
  });

const CreateClaimPayload = ClaimPayload("CreateClaimPayload");
const UpdateClaimPayload = ClaimPayload("UpdateClaimPayload");
const LinkClaimToEventPayload = ClaimPayload("LinkClaimToEventPayload");

const DeleteClaimPayload = builder
  .objectRef<{ deletedId: string; documentId: number }>("DeleteClaimPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.exposeID("deletedId", { description: "The global id the claim had" }),
      document: t.field({
        type: Document,
        description: "The document the claim was in",
        resolve: (payload) => ({ id: payload.documentId }),
      }),
    }),
  });

builder.mutationFields((t) => ({
  createClaim: t.field({
    type: CreateClaimPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Adds a claim to a document: the span must hold in the body, the quote lie inside it, " +
      "the date fit its precision, and every referenced actor and event exist",
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    resolve: async (_root, { input }) => {
      const claim = await createClaim(db(), {
        ...input,
        documentId: rowId(input.documentId, ["documentId"]),
        ...claimReferences(input),
      });
      publishAnnotationChanges([claim.documentId]);
      return { claim };
    },
  }),
  updateClaim: t.field({
    type: UpdateClaimPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateClaimInput, required: true }) },
    resolve: async (_root, { input: { id, ...input } }) => {
      const claim = await updateClaim(db(), rowId(id, ["id"]), {
        ...input,
        ...claimReferences(input),
      });
      publishAnnotationChanges([claim.documentId]);
      return { claim };
    },
  }),
  deleteClaim: t.field({
    type: DeleteClaimPayload,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DeleteClaimInput, required: true }) },
    resolve: async (_root, { input }) => {
      const claim = await deleteClaim(db(), rowId(input.id, ["id"]));
      publishAnnotationChanges([claim.documentId]);
      return { deletedId: encodeGlobalID("Claim", claim.id), documentId: claim.documentId };
    },
  }),
  linkClaimToEvent: t.field({
    type: LinkClaimToEventPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description: "Sets the event a claim concerns, or unlinks it with eventId: null",
    args: { input: t.arg({ type: LinkClaimToEventInput, required: true }) },
    resolve: async (_root, { input }) => {
      const claim = await linkClaimToEvent(
        db(),
        rowId(input.claimId, ["claimId"]),
        optionalRowId(input.eventId, ["eventId"]) ?? null,
      );
      publishAnnotationChanges([claim.documentId]);
      return { claim };
    },
  }),
}));
