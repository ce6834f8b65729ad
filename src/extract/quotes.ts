// Quotations in the body: “…”, "…", «…» and ‘…’ (where ’ also serves as an apostrophe, so a
// closing ’ must be followed by a space, punctuation or the end).
export interface Quote {
  /** Offsets of the quoted words, without the marks. */
  start: number;
  end: number;
}

const PATTERNS = [
  /“([^”]{2,2000})”/gu,
  /«([^»]{2,2000})»/gu,
  /"([^"\n]{2,2000})"/gu,
  /(?<=^|[\s(:—-])‘((?:[^’]|’(?=\p{L}))+)’(?=[\s.,;:!?)—-]|$)/gmu,
];

export function findQuotes(body: string): Quote[] {
  const out: Quote[] = [];
  for (const pattern of PATTERNS) {
    for (const match of body.matchAll(pattern)) {
      const start = match.index + 1;
      const end = start + (match[1] as string).length;
      if (!out.some((q) => q.start < end && start < q.end)) out.push({ start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether the offset lies inside one of the quotations. */
export function inQuote(quotes: Quote[], offset: number): boolean {
  return quotes.some((q) => q.start <= offset && offset < q.end);
}
