// Expected failures are part of the schema: mutations return a union of their payload and these
// types. Anything else stays an (masked) GraphQL error.
import { ConflictError, DomainValidationError, NotFoundError } from "../domain/errors.ts";
import { builder } from "./builder.ts";

export const UserError = builder.interfaceRef<Error>("UserError").implement({
  description: "An expected failure: nothing was written",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const ValidationIssue = builder
  .objectRef<{ path: string[]; message: string }>("ValidationIssue")
  .implement({
    description:
      "One problem with the input: where it is (path of field names and list indexes) and why",
    fields: (t) => ({
      path: t.exposeStringList("path"),
      message: t.exposeString("message"),
    }),
  });

builder.objectType(DomainValidationError, {
  name: "ValidationError",
  interfaces: [UserError],
  description: "The input is invalid; every problem found is listed",
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssue], resolve: (error) => error.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [UserError],
  description: "Something the input refers to does not exist",
  fields: (t) => ({
    entity: t.exposeString("entity"),
    reference: t.exposeString("reference"),
  }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [UserError],
  description: "The write contradicts what is stored (a name or slug already taken …)",
  fields: () => ({}),
});

/** The expected errors every mutation declares. */
export const MUTATION_ERRORS = [DomainValidationError, NotFoundError, ConflictError];
