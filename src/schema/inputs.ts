// Input types and helpers shared by the annotation mutations (actors, events, claims, mentions).
import { DomainValidationError } from "../domain/errors.ts";
import { type FuzzyDate, toIsoDate } from "../domain/fuzzy-dates.ts";
import type { DatePrecision as DatePrecisionValue } from "../generated/prisma/enums.ts";
import { publishAnnotationsChanged } from "../pubsub.ts";
import { builder } from "./builder.ts";
import { DatePrecision } from "./fuzzy-date.ts";

export const SpanInput = builder.inputType("SpanInput", {
  description:
    "A span of a document body: body.slice(start, end) must equal text exactly (JavaScript " +
    "string indices, end exclusive); checked against the body on every write.",
  fields: (t) => ({
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    text: t.string({ required: true }),
  }),
});

export const FuzzyDateInput = builder.inputType("FuzzyDateInput", {
  description:
    "A date as a text gives it. It must be consistent with its precision: DAY has start = end, " +
    "PART_OF_MONTH lies inside one month, MONTH and YEAR cover exactly one, UNKNOWN keeps its text.",
  fields: (t) => ({
    start: t.field({ type: "Date", description: "First day it can mean" }),
    end: t.field({ type: "Date", description: "Last day it can mean (inclusive)" }),
    precision: t.field({ type: DatePrecision, required: true }),
    text: t.string({ description: 'The words of the source, e.g. "late June"' }),
    yearInferred: t.boolean({
      defaultValue: false,
      description: "The text did not give the year; it was resolved from context",
    }),
  }),
});

export interface FuzzyDateInputValue {
  start?: Date | null;
  end?: Date | null;
  precision: DatePrecisionValue;
  text?: string | null;
  yearInferred?: boolean | null;
}

/** The domain's fuzzy date (ISO day strings) from FuzzyDateInput; null and undefined pass through. */
export function fuzzyDateFromInput(value: FuzzyDateInputValue): FuzzyDate;
export function fuzzyDateFromInput(
  value: FuzzyDateInputValue | null | undefined,
): FuzzyDate | null | undefined;
export function fuzzyDateFromInput(
  value: FuzzyDateInputValue | null | undefined,
): FuzzyDate | null | undefined {
  if (value === null || value === undefined) return value;
  return {
    start: value.start ? toIsoDate(value.start) : null,
    end: value.end ? toIsoDate(value.end) : null,
    precision: value.precision,
    text: value.text ?? null,
    yearInferred: value.yearInferred ?? false,
  };
}

const MAX_ROW_ID = 2_147_483_647;

/**
 * The row id inside a decoded global id. Pothos (`t.globalID({ for })`) has already checked the
 * type; this rejects ids whose key part is not a row id ("Actor:abc") as a ValidationError.
 */
export function rowId(globalId: { typename: string; id: string | number }, path: string[]): number {
  const id = Number(globalId.id);
  if (Number.isSafeInteger(id) && id > 0 && id <= MAX_ROW_ID) return id;
  throw new DomainValidationError([
    {
      path,
      message: `${JSON.stringify(String(globalId.id))} is not a valid ${globalId.typename} id`,
    },
  ]);
}

/** rowId() for an optional id: undefined (absent) and null (clear) pass through. */
export function optionalRowId(
  globalId: { typename: string; id: string | number } | null | undefined,
  path: string[],
): number | null | undefined {
  if (globalId === null || globalId === undefined) return globalId;
  return rowId(globalId, path);
}

/** rowId() for every id of a list, each checked at its index. */
export function rowIds(
  globalIds: readonly { typename: string; id: string | number }[],
  path: string[],
): number[] {
  const issues: { path: string[]; message: string }[] = [];
  const ids = globalIds.map((globalId, i) => {
    try {
      return rowId(globalId, [...path, String(i)]);
    } catch (error) {
      if (!(error instanceof DomainValidationError)) throw error;
      issues.push(...error.issues);
      return 0;
    }
  });
  if (issues.length > 0) throw new DomainValidationError(issues);
  return ids;
}

/** After a write has committed: tell subscribers which documents' annotations changed. */
export function publishAnnotationChanges(documentIds: Iterable<number>): void {
  for (const documentId of new Set(documentIds)) publishAnnotationsChanged(documentId);
}
