// Event mutations: create, update, delete, and set who took part.
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  createEvent,
  deleteEvent,
  setEventParticipants,
  updateEvent,
} from "../domain/event-writes.ts";
import type { Event as EventRow } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { EventKind, EventStatus } from "./enums.ts";
import { MUTATION_ERRORS } from "./errors.ts";
import { Event } from "./event.ts";
import { FuzzyDateInput, fuzzyDateFromInput, publishAnnotationChanges, rowId } from "./inputs.ts";

const CreateEventInput = builder.inputType("CreateEventInput", {
  fields: (t) => ({
    slug: t.string({
      description:
        "Stable key, lower-case words joined by dashes; default: made from the title and the " +
        'date ("istanbul-talks-2025-06"), numbered when taken',
    }),
    title: t.string({ required: true, description: "1–300 characters" }),
    kind: t.field({ type: EventKind, required: true }),
    status: t.field({ type: EventStatus, required: true }),
    description: t.string(),
    location: t.string(),
    date: t.field({
      type: FuzzyDateInput,
      required: true,
      description: "When it happened or is planned; { precision: UNKNOWN, text: … } if unknown",
    }),
  }),
});

const UpdateEventInput = builder.inputType("UpdateEventInput", {
  description: "Fields left out stay as they are; null clears description and location",
  fields: (t) => ({
    id: t.globalID({ required: true, for: Event }),
    slug: t.string(),
    title: t.string(),
    kind: t.field({ type: EventKind }),
    status: t.field({ type: EventStatus }),
    description: t.string(),
    location: t.string(),
    date: t.field({ type: FuzzyDateInput }),
  }),
});

const DeleteEventInput = builder.inputType("DeleteEventInput", {
  fields: (t) => ({ id: t.globalID({ required: true, for: Event }) }),
});

const EventParticipantInput = builder.inputType("EventParticipantInput", {
  fields: (t) => ({
    actorId: t.globalID({ required: true, for: Actor }),
    role: t.string({ description: '"negotiator", "host", "mediator" …; 1–100 characters' }),
  }),
});

const SetEventParticipantsInput = builder.inputType("SetEventParticipantsInput", {
  fields: (t) => ({
    eventId: t.globalID({ required: true, for: Event }),
    participants: t.field({
      type: [EventParticipantInput],
      required: true,
      description: "The whole list: it replaces the stored one; each actor at most once",
    }),
  }),
});

const EventPayload = (name: string) =>
  builder.objectRef<{ event: EventRow }>(name).implement({
    fields: (t) => ({ event: t.field({ type: Event, resolve: (payload) => payload.event }) }),
  });

const CreateEventPayload = EventPayload("CreateEventPayload");
const UpdateEventPayload = EventPayload("UpdateEventPayload");
const SetEventParticipantsPayload = EventPayload("SetEventParticipantsPayload");

const DeleteEventPayload = builder
  .objectRef<{ deletedId: string }>("DeleteEventPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.exposeID("deletedId", { description: "The global id the event had" }),
    }),
  });

builder.mutationFields((t) => ({
  createEvent: t.field({
    type: CreateEventPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: async (_root, { input }) => ({
      // A new event is in no document yet: nothing to announce.
      event: await createEvent(db(), { ...input, date: fuzzyDateFromInput(input.date) }),
    }),
  }),
  updateEvent: t.field({
    type: UpdateEventPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateEventInput, required: true }) },
    resolve: async (_root, { input: { id, ...patch } }) => {
      const { event, documentIds } = await updateEvent(db(), rowId(id, ["id"]), {
        ...patch,
        date: fuzzyDateFromInput(patch.date),
      });
      publishAnnotationChanges(documentIds);
      return { event };
    },
  }),
  deleteEvent: t.field({
    type: DeleteEventPayload,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    description:
      "Deletes an event with its mentions, participants and relations; claims about it stay, " +
      "unlinked",
    args: { input: t.arg({ type: DeleteEventInput, required: true }) },
    resolve: async (_root, { input }) => {
      const { event, documentIds } = await deleteEvent(db(), rowId(input.id, ["id"]));
      publishAnnotationChanges(documentIds);
      return { deletedId: encodeGlobalID("Event", event.id) };
    },
  }),
  setEventParticipants: t.field({
    type: SetEventParticipantsPayload,
    authScopes: { write: true },
    errors: { types: MUTATION_ERRORS },
    description: "Replaces the event's participants with the list given (empty clears it)",
    args: { input: t.arg({ type: SetEventParticipantsInput, required: true }) },
    resolve: async (_root, { input }) => {
      const { event, documentIds } = await setEventParticipants(
        db(),
        rowId(input.eventId, ["eventId"]),
        input.participants.map((participant, i) => ({
          actorId: rowId(participant.actorId, ["participants", String(i), "actorId"]),
          role: participant.role ?? null,
        })),
      );
      publishAnnotationChanges(documentIds);
      return { event };
    },
  }),
}));
