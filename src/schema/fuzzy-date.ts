import type { DatePrecision as DatePrecisionValue } from "../generated/prisma/enums.ts";
import { DatePrecision as DatePrecisionValues } from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";

export const DatePrecision = builder.enumType("DatePrecision", {
  values: Object.values(DatePrecisionValues),
  description:
    'How exactly a date is known: a day, part of a month ("late June"), a month, a year, or not at all.',
});

export interface FuzzyDateValue {
  start: Date | null;
  end: Date | null;
  precision: DatePrecisionValue;
  text: string | null;
  yearInferred: boolean;
}

export const FuzzyDate = builder.objectRef<FuzzyDateValue>("FuzzyDate").implement({
  description:
    "A date as a text gives it. [start, end] are the first and last day it can mean (inclusive); " +
    "filters match by overlap with that range.",
  fields: (t) => ({
    start: t.expose("start", { type: "Date", nullable: true }),
    end: t.expose("end", { type: "Date", nullable: true }),
    precision: t.expose("precision", { type: DatePrecision }),
    text: t.exposeString("text", {
      nullable: true,
      description: 'The original words, e.g. "late June"',
    }),
    yearInferred: t.exposeBoolean("yearInferred", {
      description: "The text did not give the year; it was resolved from context",
    }),
  }),
});
