// Wire copy opens with a dateline: "ANKARA, March 12 (Reuters) - Turkey's foreign minister said …".
// The place, date and agency there locate and credit the story; they are not an actor, a claim or
// part of the first claim's span (GUIDELINES.md: datelines are not claims). The pipeline analyses
// the body with the dateline blanked out — replaced by spaces of the same length, so every index
// still points into the original body and spans keep the span invariant.

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
/** ", March 12" or ", March 12, 2024" after the place. */
const DATE = `(?:,\\s*${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)?`;
/** "(Reuters)", "(AP)", "(Xinhua)": a short credit in parentheses. */
const CREDIT = "\\(\\p{Lu}[\\p{L}.&' -]{0,30}\\)";
/** The dash or colon that ends a dateline, then the story. */
const SEPARATOR = "\\s*(?:--?|–|—|:)\\s+";
/** A place in capitals, with an optional region: "WASHINGTON", "KYIV, Ukraine", "SÃO PAULO". */
const CAPITAL_PLACE =
  "\\p{Lu}[\\p{Lu}\\p{M}.'’-]+(?: \\p{Lu}[\\p{Lu}\\p{M}.'’-]+){0,3}(?:,\\s*\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+){0,2})?";
/** A place in ordinary case, accepted only before a credit: "Kyiv (Reuters) -". */
const TITLE_PLACE = "\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}[\\p{Ll}'’-]+){0,2}(?:,\\s*\\p{Lu}[\\p{L}.]+)?";

const DATELINE = new RegExp(
  `^\\s*(?:${CAPITAL_PLACE}${DATE}\\s*(?:${CREDIT})?|${TITLE_PLACE}${DATE}\\s*${CREDIT})${SEPARATOR}`,
  "u",
);

/** The dateline at the start of the body, as [start, end) with the separator, or null. */
export function findDateline(body: string): { start: number; end: number } | null {
  const match = DATELINE.exec(body);
  if (!match) return null;
  // A capitalized first word alone ("UN - …") is too little to call a dateline.
  const place = match[0].trim().split(/[,(]/u)[0] ?? "";
  if (place.replace(/[^\p{L}]/gu, "").length < 3) return null;
  const start = match[0].length - match[0].trimStart().length;
  return { start, end: match[0].length };
}

/** The body with its dateline replaced by spaces (same length, same indices elsewhere). */
export function blankDateline(body: string): string {
  const dateline = findDateline(body);
  if (dateline === null) return body;
  return (
    body.slice(0, dateline.start) +
    " ".repeat(dateline.end - dateline.start) +
    body.slice(dateline.end)
  );
}
