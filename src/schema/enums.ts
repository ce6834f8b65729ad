import {
  ActorKind as ActorKinds,
  ClaimKind as ClaimKinds,
  EventKind as EventKinds,
  EventRelationKind as EventRelationKinds,
  EventStatus as EventStatuses,
  Origin as Origins,
} from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";

export const ActorKind = builder.enumType("ActorKind", { values: Object.values(ActorKinds) });
export const EventKind = builder.enumType("EventKind", { values: Object.values(EventKinds) });
export const EventStatus = builder.enumType("EventStatus", {
  values: Object.values(EventStatuses),
});
export const ClaimKind = builder.enumType("ClaimKind", {
  values: Object.values(ClaimKinds),
  description:
    "FACTUAL: reported as fact; STATEMENT: an attributed statement; ASSESSMENT: an evaluation; " +
    "PREDICTION: an expectation about the future; SPECULATION: hedged or unconfirmed.",
});
export const EventRelationKind = builder.enumType("EventRelationKind", {
  values: Object.values(EventRelationKinds),
});
export const Origin = builder.enumType("Origin", {
  values: Object.values(Origins),
  description: "MANUAL: annotated by a person; EXTRACTED: found by the extraction pipeline",
});
