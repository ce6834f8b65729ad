import {
  ActorKind as ActorKinds,
  ClaimKind as ClaimKinds,
  EventKind as EventKinds,
  EventRelationKind as EventRelationKinds,
  EventStatus as EventStatuses,
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
