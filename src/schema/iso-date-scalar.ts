import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { parseIsoDate, toIsoDate } from "../domain/fuzzy-dates.ts";

// A calendar day as ISO YYYY-MM-DD. Days are stored as UTC midnight, so formatting in UTC gives
// back the stored day whatever the server's time zone (graphql-scalars' Date uses local time).
export const IsoDateResolver = new GraphQLScalarType<Date, string>({
  name: "Date",
  description: "A calendar day, ISO 8601 YYYY-MM-DD",
  serialize(value) {
    if (value instanceof Date) return toIsoDate(value);
    if (typeof value === "string" && parseIsoDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue(value) {
    return parseDay(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string YYYY-MM-DD");
    return parseDay(ast.value);
  },
});

function parseDay(value: unknown): Date {
  const date = typeof value === "string" ? parseIsoDate(value) : null;
  if (!date) {
    throw new GraphQLError(
      `Date must be a real calendar day YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return date;
}
