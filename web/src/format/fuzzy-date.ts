// Fuzzy dates in words, as precisely as they are known and no more: "July 5, 2025",
// "late June 2025 (inferred year)", "June 2025", "“in the coming days” (not before June 24, 2025)".

export type DatePrecision = "DAY" | "PART_OF_MONTH" | "MONTH" | "YEAR" | "UNKNOWN";

export interface FuzzyDateLike {
  start?: string | null;
  end?: string | null;
  precision: DatePrecision;
  text?: string | null;
  yearInferred: boolean;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface Day {
  year: number;
  month: string;
  day: number;
}

function parseDay(iso: string): Day {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year!, month: MONTHS[(month ?? 1) - 1]!, day: day ?? 1 };
}

const dayText = ({ year, month, day }: Day) => `${month} ${day}, ${year}`;

/** "February 24, 2022" for 2022-02-24. */
export const formatDay = (iso: string) => dayText(parseDay(iso));

/** "late June 2025" when the range is the last, first or middle third of its month. */
function partOfMonth(start: Day, end: Day): string {
  if (start.day >= 21) return `late ${start.month} ${start.year}`;
  if (end.day <= 10) return `early ${start.month} ${start.year}`;
  if (start.day >= 11 && end.day <= 20) return `mid-${start.month} ${start.year}`;
  return `${start.month} ${start.day}–${end.day}, ${start.year}`;
}

/** The date in words; `null` for a missing date. */
export function formatFuzzyDate(date: FuzzyDateLike | null | undefined): string {
  if (!date) return "no date";
  const inferred = date.yearInferred ? " (inferred year)" : "";
  const start = date.start ? parseDay(date.start) : null;
  const end = date.end ? parseDay(date.end) : null;
  switch (date.precision) {
    case "DAY":
      return start ? `${dayText(start)}${inferred}` : "unknown day";
    case "PART_OF_MONTH":
      return start && end ? `${partOfMonth(start, end)}${inferred}` : "unknown";
    case "MONTH":
      return start ? `${start.month} ${start.year}${inferred}` : "unknown month";
    case "YEAR":
      return start ? `${start.year}${inferred}` : "unknown year";
    default: {
      const words = date.text ? `“${date.text}”` : "date unknown";
      const year = date.yearInferred ? "; inferred year" : "";
      return start ? `${words} (not before ${dayText(start)}${year})` : words;
    }
  }
}

/** Shorter labels for axes and lists: no "(inferred year)". */
export function formatFuzzyDateShort(date: FuzzyDateLike | null | undefined): string {
  return date ? formatFuzzyDate({ ...date, yearInferred: false }) : "no date";
}
