// Sentences and tokens with body offsets, from wink-nlp's English model (fast, offline, model in
// the npm package). wink reports token text, not offsets, so offsets are found by scanning the
// body in order; sentences are also cut at line breaks, which end paragraphs in article text.

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Analysis, Sentence, Token } from "./types.ts";

let nlp: ReturnType<typeof winkNLP> | null = null;

function loadNlp(): ReturnType<typeof winkNLP> {
  // Loading the model takes ~70 ms; do it once, on first use.
  nlp ??= winkNLP(model);
  return nlp;
}

export function analyse(body: string): Analysis {
  const wink = loadNlp();
  const its = wink.its;
  const doc = wink.readDoc(body);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink's type declarations give `lemma` the wrong signature; at run time it is a token its.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const sentenceOfToken = new Int32Array(values.length);
  spans.forEach(([first, last], s) => {
    for (let i = first; i <= last; i++) sentenceOfToken[i] = s;
  });

  const raw: Token[] = [];
  let cursor = 0;
  values.forEach((text, i) => {
    if (/^\s+$/u.test(text)) return;
    const at = body.indexOf(text, cursor);
    // A token wink rewrote cannot be placed; skip it rather than guess an offset.
    if (at < 0 || at - cursor > 200) return;
    cursor = at + text.length;
    const last = raw.at(-1);
    // wink splits words at some non-ASCII letters ("Erdo" + "ğan"); a word is one token.
    if (
      last &&
      last.end === at &&
      /\p{L}$/u.test(last.text) &&
      /^\p{L}/u.test(text) &&
      /\P{ASCII}/u.test(last.text + text)
    ) {
      last.end = cursor;
      last.text = body.slice(last.start, cursor);
      return;
    }
    // wink splits "Maj." into "Maj" and "."; an abbreviation keeps its dot.
    if (text === "." && last && last.end === at && ABBREVIATION.test(`${last.text}.`)) {
      last.end = cursor;
      last.text = `${last.text}.`;
      return;
    }
    raw.push({
      start: at,
      end: cursor,
      text,
      pos: tags[i] ?? "X",
      lemma: (lemmas[i] ?? text).toLowerCase(),
      sentence: sentenceOfToken[i] ?? 0,
    });
  });
  return { body, tokens: raw, sentences: buildSentences(body, raw) };
}

// A sentence never ends on a title abbreviation or an initial ("Maj. Gen. Pat Ryder", "J.").
const ABBREVIATION =
  /^(?:\p{Lu}\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.|Brig\.|Gov\.|Sen\.|Rep\.|Rev\.|Prof\.|Jr\.|Sr\.|No\.|Nos\.|Vol\.|Amb\.)$/u;

/** Groups tokens into sentences, starting a new one at wink's boundaries and at line breaks. */
export function buildSentences(body: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const prev = tokens[i - 1] as Token;
    const next = tokens[i];
    const lineBreak = next !== undefined && body.slice(prev.end, next.start).includes("\n");
    const boundary =
      next === undefined ||
      lineBreak ||
      (next.sentence !== prev.sentence && !ABBREVIATION.test(prev.text));
    if (!boundary) continue;
    const head = tokens[first] as Token;
    sentences.push({ start: head.start, end: prev.end, firstToken: first, endToken: i });
    first = i;
  }
  sentences.forEach((s, index) => {
    for (let t = s.firstToken; t < s.endToken; t++) (tokens[t] as Token).sentence = index;
  });
  return sentences;
}
