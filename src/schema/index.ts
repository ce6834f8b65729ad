// Assembles the schema: each import registers its types and root fields on the builder.
import { builder } from "./builder.ts";
import "./enums.ts";
import "./span.ts";
import "./fuzzy-date.ts";
import "./document.ts";
import "./actor.ts";
import "./claim.ts";
import "./event.ts";
import "./mention.ts";
import "./search.ts";
import "./timeline.ts";
import "./actor-network.ts";
import "./actor-stats.ts";
import "./claim-counts.ts";
import "./errors.ts";
import "./document-mutations.ts";
import "./subscriptions.ts";
import "./actor-mutations.ts";
import "./event-mutations.ts";
import "./claim-mutations.ts";
import "./mention-mutations.ts";

export const schema = builder.toSchema();
