// Search snippets: the API wraps matched words in <mark>…</mark> and escapes the rest
// (&amp; &lt; &gt; …). They are turned into React text and <mark> elements here, never into
// HTML, so nothing in a document's text can become markup.
import type { ReactNode } from "react";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  "#x27": "'",
  apos: "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#?\w+);/g, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) return whole;
    const value = name.startsWith("#x") ? Number.parseInt(code, 16) : Number(code);
    return Number.isFinite(value) && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
  });
}

/** Parts of a snippet: plain text and marked text, entities decoded. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece !== "") parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}

export function Snippet({ html }: { html: string }): ReactNode {
  return (
    <span className="snippet">
      {snippetParts(html).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
