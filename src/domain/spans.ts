// A span is a W3C-Web-Annotation-style text position selector plus the exact text it selects:
// start and end are JavaScript string indices (UTF-16 code units) into Document.body, end
// exclusive. Storing the text too lets anyone verify a span without trusting the offsets.

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Why a span does not hold in the body, or null when body.slice(start, end) === text. */
export function spanProblem(body: string, span: Span): string | null {
  const { start, end, text } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "start and end must be integers";
  if (start < 0) return `start ${start} is negative`;
  if (end <= start) return `end ${end} must be greater than start ${start}`;
  if (end > body.length) return `end ${end} is past the end of the body (length ${body.length})`;
  const actual = body.slice(start, end);
  if (actual === text) return null;
  const hint = locate(body, text);
  return (
    `body.slice(${start}, ${end}) is ${JSON.stringify(abbreviate(actual))}, not ` +
    `${JSON.stringify(abbreviate(text))}` +
    (hint === null ? " (the text does not occur in the body)" : ` (the text occurs at ${hint})`)
  );
}

function locate(body: string, text: string): string | null {
  const at = body.indexOf(text);
  return at < 0 ? null : `${at}–${at + text.length}`;
}

function abbreviate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
