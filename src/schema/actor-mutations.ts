// Actor mutations: create, update, add an alias, merge two actors into one.
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  addActorAlias,
  createActor,
  type MergeSummary,
  mergeActors,
  updateActor,
} from "../domain/actor-writes.ts";
import type { Actor as ActorRow } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { ActorKind } from "./enums.ts";
import { MUTATION_ERRORS } from "./errors.ts";
import { publishAnnotationChanges, rowId } from "./inputs.ts";

const CreateActorInput = builder.inputType("CreateActorInput", {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: "Canonical name, 1–300 characters; no other actor may use it as name or alias",
    }),
    kind: t.field({ type: ActorKind, required: true }),
    aliases: t.stringList({ description: "Other names; each must be free" }),
    description: t.string(),
  }),
});

const UpdateActorInput = builder.inputType("UpdateActorInput", {
  description: "Fields left out stay as they are; description: null clears it",
  fields: (t) => ({
    id: t.globalID({ required: true, for: Actor }),
    name: t.string({
      description: "A new canonical name; when it was one of the actor's aliases, that alias goes",
    }),
    kind: t.field({ type: ActorKind }),
    description: t.string(),
  }),
});

const AddActorAliasInput = builder.inputType("AddActorAliasInput", {
  fields: (t) => ({
    actorId: t.globalID({ required: true, for: Actor }),
    alias: t.string({ required: true, description: "1–300 characters" }),
  }),
});

const MergeActorsInput = builder.inputType("MergeActorsInput", {
  fields: (t) => ({
    keep: t.globalID({ required: true, for: Actor, description: "The actor that stays" }),
    merge: t.globalID({
      required: true,
      for: Actor,
      description: "The duplicate: merged into keep, then deleted",
    }),
  }),
});

const ActorPayload = (name: string) =>
  builder.objectRef<{ actor: ActorRow }>(name).implement({
    fields: (t) => ({ actor: t.field({ type: Actor, resolve: (payload) => payload.actor }) }),
  });

const CreateActorPayload = ActorPayload("CreateActorPayload");
const UpdateActorPayload = ActorPayload("UpdateActorPayload");

const AddActorAliasPayload = builder
  .objectRef<{ actor: ActorRow; added: boolean }>("AddActorAliasPayload")
  .implement({
    fields: (t) => ({
      actor: t.field({ type: Actor, resolve: (payload) => payload.actor }),
      added: t.exposeBoolean("added", {
        description: "false: the actor already had this name or alias; nothing changed",
      }),
    }),
  });

const MergeActorsSummary = builder.objectRef<MergeSummary>("MergeActorsSummary").implement({
  description: "What a merge moved to the kept actor, and the duplicates it dropped",
  fields: (t) => ({
    mentionsMoved: t.exposeInt("mentionsMoved"),
    mentionsDropped: t.exposeInt("mentionsDropped", {
      description: "The kept actor was already mentioned at the same span",
    }),
    claimsMoved: t.exposeInt("claimsMoved", { description: "Claims it made" }),
    subjectsMoved: t.exposeInt("subjectsMoved", { description: "Claims about it" }),
    subjectsDropped: t.exposeInt("subjectsDropped", {
      description: "The kept actor already was a subject of the claim",
    }),
    participationsMoved: t.exposeInt("participationsMoved"),
    participationsDropped: t.exposeInt("participationsDropped", {
      description: "The kept actor already took part in the event (its role stays)",
    }),
    aliasesAdded: t.exposeInt("aliasesAdded", {
      description: "The merged actor's aliases and its name",
    }),
  }),
});

const MergeActorsPayload = builder
  .objectRef<{ actor: ActorRow; mergedId: string; summary: MergeSummary }>("MergeActorsPayload")
  .implement({
    fields: (t) => ({
      actor: t.field({ type: Actor, resolve: (payload) => payload.actor }),
      mergedId: t.exposeID("mergedId", {
        description: "The global id the merged (now deleted) actor had",
      }),
      summary: t.field({ type: MergeActorsSummary, resolve: (payload) => payload.summary }),
    }),
  });

builder.mutationFields((t) => ({
  createActor: t.field({
    type: CreateActorPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateActorInput, required: true }) },
    resolve: async (_root, { input }) => ({ actor: await createActor(db(), input) }),
  }),
  updateActor: t.field({
    type: UpdateActorPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateActorInput, required: true }) },
    resolve: async (_root, { input: { id, ...patch } }) => {
      const { actor, documentIds } = await updateActor(db(), rowId(id, ["id"]), patch);
      publishAnnotationChanges(documentIds);
      return { actor };
    },
  }),
  addActorAlias: t.field({
    type: AddActorAliasPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description: "Adds an alias; one that already names another actor is a ConflictError",
    args: { input: t.arg({ type: AddActorAliasInput, required: true }) },
    resolve: async (_root, { input }) => {
      const result = await addActorAlias(db(), rowId(input.actorId, ["actorId"]), input.alias);
      publishAnnotationChanges(result.documentIds);
      return result;
    },
  }),
  mergeActors: t.field({
    type: MergeActorsPayload,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Merges a duplicate actor into another: its mentions, claims, claim subjects and event " +
      "participations are repointed (duplicates dropped), its aliases and name become aliases " +
      "of the kept actor, and it is deleted",
    args: { input: t.arg({ type: MergeActorsInput, required: true }) },
    resolve: async (_root, { input }) => {
      const mergeId = rowId(input.merge, ["merge"]);
      const result = await mergeActors(db(), rowId(input.keep, ["keep"]), mergeId);
      publishAnnotationChanges(result.documentIds);
      return {
        actor: result.actor,
        mergedId: encodeGlobalID("Actor", mergeId),
        summary: result.summary,
      };
    },
  }),
}));
