// Clauses: the units claims are made of. A sentence is one clause unless a contrastive
// connective (", though", ", but", "; ") joins two assertions, which may have different
// claimants ("… hailed by Russian officials, though Ukrainian representatives remained cautious").
import { cueInNounCompound, isCueWord, isPastForm, reportsHere, SPEAKING_VERBS } from "./cues.ts";
import { inQuote as inQuoteOf, type Quote } from "./quotes.ts";
import { firstAtOrAfter } from "./ranges.ts";
import type { Analysis, Sentence, Token } from "./types.ts";

export interface Clause {
  start: number;
  end: number;
  /** Index (in Analysis.sentences) of the sentence the clause starts in. */
  sentence: number;
  /** Bounds of the whole sentence (sentences a quotation runs across count as one). */
  sentenceStart: number;
  sentenceEnd: number;
  /** True when the clause continues the sentence's previous clause (same subject). */
  continuation: boolean;
  /**
   * True when the clause is a second cue verb sharing the previous clause's speaker ("The
   * Secretary condemned the attacks | and expressed his support …"): its own claim, same claimant.
   */
  coordinated?: boolean;
}

const SPLIT = /(?:,[’”"]?\s+(?=(?:though|but|although|whereas|while)\s)|;\s+)/gu;
// Claims also part at a non-restrictive relative or "with" clause, which often adds an
// assertion of another kind ("…, with both sides reportedly swapping …"); events do not, since
// their dates and actors belong to the whole sentence.
const SPLIT_FOR_CLAIMS =
  /(?:,[’”"]?\s+(?=(?:though|but|although|whereas|while|which|with)\s|however\b)|;\s+)/gu;
const MIN_WORDS = 4;

const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;

export function clausesOf(
  analysis: Analysis,
  quotes: Quote[],
  purpose: "claims" | "events" = "claims",
): Clause[] {
  const split = purpose === "claims" ? SPLIT_FOR_CLAIMS : SPLIT;
  const { body } = analysis;
  const out: Clause[] = [];
  for (const s of quotedSentences(analysis.sentences, quotes)) {
    const index = analysis.sentences.findIndex((x) => x.start === s.start);
    const text = body.slice(s.start, s.end);
    const cuts: number[] = [];
    for (const match of text.matchAll(split)) {
      // Never cut inside a quotation. Judged after the match, which takes in a closing mark
      // (",’ though"): before it the quotation still looks open.
      if (insideQuote(text, match.index + match[0].length)) continue;
      if (embeddedRelative(analysis, s.start + match.index + match[0].length, s.end)) continue;
      // The closing mark after the comma ends the quotation, so it stays with the first clause.
      const closingMark = /^,[’”"]/u.test(match[0]) ? 2 : 0;
      cuts.push(match.index + closingMark);
      cuts.push(match.index + match[0].length);
    }
    const coordinated = purpose === "claims" ? coordinatedCueCuts(analysis.tokens, s, quotes) : [];
    for (const at of coordinated) {
      const offset = at - s.start;
      if (cuts.some((c) => Math.abs(c - offset) < 12)) continue;
      cuts.push(offset, offset);
    }
    if (purpose === "claims")
      for (const [comma, at] of participleCueCuts(analysis.tokens, s, quotes)) {
        if (cuts.some((c) => Math.abs(c - (comma - s.start)) < 12)) continue;
        cuts.push(comma - s.start, at - s.start);
      }
    if (purpose === "claims")
      for (const [comma, at] of newSpeakerCuts(analysis.tokens, s, quotes)) {
        if (cuts.some((c) => Math.abs(c - (comma - s.start)) < 12)) continue;
        cuts.push(comma - s.start, at - s.start);
      }
    cuts.sort((a, b) => a - b);
    const bounds = [0, ...cuts, text.length];
    const pieces: { start: number; end: number }[] = [];
    for (let k = 0; k < bounds.length; k += 2) {
      pieces.push({
        start: s.start + (bounds[k] as number),
        end: s.start + (bounds[k + 1] as number),
      });
    }
    // A fragment too short to assert anything stays with its neighbour.
    const coordinatedStarts = new Set(coordinated);
    const merged: { start: number; end: number; coordinated?: boolean }[] = [];
    for (const p of pieces) {
      const prev = merged.at(-1);
      if (coordinatedStarts.has(p.start)) merged.push({ ...p, coordinated: true });
      else if (
        prev &&
        (wordCount(body.slice(p.start, p.end)) < MIN_WORDS ||
          wordCount(body.slice(prev.start, prev.end)) < MIN_WORDS)
      )
        prev.end = p.end;
      else merged.push({ ...p });
    }
    merged.forEach((p, k) => {
      const trimmed = trim(body, p.start, p.end);
      if (trimmed)
        out.push({
          ...trimmed,
          sentence: index,
          sentenceStart: s.start,
          sentenceEnd: s.end,
          continuation: k > 0,
          ...(p.coordinated ? { coordinated: true } : {}),
        });
    });
  }
  return out;
}

/**
 * Readouts list what a speaker did verb by verb: "The Secretary condemned the attacks and
 * expressed his support for …". Where a sentence that already attributes with a cue verb goes on
 * with "and" + another past-tense cue verb, each verb's object is its own claim. Returns the
 * offsets of those "and"s. Not for participles ("…, saying") nor inside quotations.
 */
function coordinatedCueCuts(tokens: Token[], s: Sentence, quotes: Quote[]): number[] {
  const inQuote = (t: Token) => inQuoteOf(quotes, t.start);
  const isCue = (t: Token | undefined) =>
    t !== undefined && t.pos === "VERB" && isCueWord(t) && !inQuote(t);
  const pastCue = (t: Token | undefined, next: Token | undefined) =>
    isCue(t) && t !== undefined && isPastForm(t) && reportsHere(t, next);
  const cuts: number[] = [];
  let cueSeen = false;
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = tokens[i] as Token;
    if (t.text.toLowerCase() === "and" && cueSeen && !inQuote(t)) {
      const next = tokens[i + 1];
      const k = /^(?:also|then|further)$/iu.test(next?.text ?? "") ? i + 2 : i + 1;
      if (
        pastCue(tokens[k], tokens[k + 1]) &&
        !cueInNounCompound(tokens[k]?.text ?? "", tokens[k + 1]?.text)
      )
        cuts.push(t.start);
    }
    if (pastCue(t, tokens[i + 1])) cueSeen = true;
  }
  return cuts;
}

/**
 * "The military reported heavy fighting, and the UN agency said 800,000 people had fled": after
 * ", and" a new subject with its own verb of saying starts a claim of its own. Returns
 * [comma, subject] offsets.
 */
function newSpeakerCuts(tokens: Token[], s: Sentence, quotes: Quote[]): [number, number][] {
  const inQuote = (t: Token) => inQuoteOf(quotes, t.start);
  const cuts: [number, number][] = [];
  for (let i = s.firstToken + 3; i + 2 < s.endToken; i++) {
    const and = tokens[i] as Token;
    const comma = tokens[i - 1] as Token;
    if (comma.text !== "," || and.text.toLowerCase() !== "and" || inQuote(and)) continue;
    // The subject: a short noun phrase ("the United Nations agency", "Hamas officials").
    let k = i + 1;
    const inName = (x: number) =>
      /^\p{Lu}/u.test(tokens[x - 1]?.text ?? "") && /^\p{Lu}/u.test(tokens[x + 1]?.text ?? "");
    while (
      k < s.endToken &&
      k - i <= 10 &&
      (/^(?:DET|PROPN|NOUN|ADJ|ADP|PUNCT)$/u.test((tokens[k] as Token).pos) ||
        // "the United Nations Relief and Works Agency"
        ((tokens[k] as Token).pos === "CCONJ" && inName(k)) ||
        // A capitalized word is part of a name, whatever the tagger read ("Works").
        /^\p{Lu}/u.test((tokens[k] as Token).text)) &&
      (tokens[k] as Token).text !== ","
    )
      k++;
    const verb = tokens[k];
    const named = tokens.slice(i + 1, k).some((t) => t.pos === "PROPN" || t.pos === "NOUN");
    if (
      named &&
      verb !== undefined &&
      k < s.endToken &&
      verb.pos === "VERB" &&
      isCueWord(verb) &&
      verb.text.toLowerCase() !== verb.lemma &&
      !/ing$/u.test(verb.text)
    )
      cuts.push([comma.start, (tokens[i + 1] as Token).start]);
  }
  return cuts;
}

/** Participles that report what the subject said: "…, saying", "…, citing". */
const PARTICIPLE_CUES =
  /^(?:saying|citing|adding|noting|claiming|arguing|insisting|warning|stating|asserting|explaining|alleging|stressing|describing)$/iu;

/**
 * "The House voted to hold them in contempt, citing their refusal …": a participle of saying
 * after a main clause that itself reports no saying adds the subject's own claim to a reported
 * act. Not after a verb of saying or addressing ("addressed reporters, calling for …"), which
 * is one claim. Returns [comma, participle] offsets.
 */
function participleCueCuts(tokens: Token[], s: Sentence, quotes: Quote[]): [number, number][] {
  const inQuote = (t: Token) => inQuoteOf(quotes, t.start);
  const speaking = (t: Token, k: number, list: Token[]) =>
    (t.pos === "VERB" || t.pos === "AUX") &&
    (isCueWord(t) || SPEAKING_VERBS.has(t.lemma)) &&
    reportsHere(t, list[k + 1]);
  const cuts: [number, number][] = [];
  for (let i = s.firstToken + 2; i < s.endToken; i++) {
    const t = tokens[i] as Token;
    const comma = tokens[i - 1] as Token;
    if (comma.text !== "," || !PARTICIPLE_CUES.test(t.text) || inQuote(t)) continue;
    const before = tokens.slice(s.firstToken, i - 1).filter((x) => !inQuote(x));
    const acts = before.some((x) => x.pos === "VERB" && !/ing$/iu.test(x.text));
    if (acts && !before.some(speaking)) cuts.push([comma.start, t.start]);
  }
  return cuts;
}

/**
 * "The Guard Corps, which includes the Quds Force, declared …": a relative clause closed by a
 * comma and followed by the main verb sits inside its sentence's subject; no cut there.
 */
function embeddedRelative(analysis: Analysis, from: number, sentenceEnd: number): boolean {
  const { body, tokens } = analysis;
  if (!/^which\s/u.test(body.slice(from, from + 6))) return false;
  const comma = body.indexOf(",", from);
  if (comma < 0 || comma >= sentenceEnd) return false;
  const next = tokens[firstAtOrAfter(tokens, comma + 1)];
  return (
    next !== undefined &&
    next.start < sentenceEnd &&
    (next.pos === "VERB" || next.pos === "AUX") &&
    !/ing$/u.test(next.text)
  );
}

function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opens = (before.match(/[“«]/gu) ?? []).length;
  const closes = (before.match(/[”»]/gu) ?? []).length;
  const straight = (before.match(/"/gu) ?? []).length;
  const singleOpen = (before.match(/(?:^|[\s(])‘/gu) ?? []).length;
  const singleClose = (before.match(/’(?=[\s.,;:!?)]|$)/gu) ?? []).length;
  return opens > closes || straight % 2 === 1 || singleOpen > singleClose;
}

/** Drops leading and trailing spaces and a trailing comma so the span starts and ends on words. */
function trim(body: string, start: number, end: number): { start: number; end: number } | null {
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(body[a] as string)) a++;
  while (b > a && /[\s,;]/u.test(body[b - 1] as string)) b--;
  return b > a ? { start: a, end: b } : null;
}

/** Sentences joined where a quotation runs across their boundary: one quote, one claim. */
function quotedSentences(sentences: Sentence[], quotes: Quote[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    if (prev && quotes.some((q) => q.start < prev.end && q.end > s.start)) {
      out[out.length - 1] = { ...prev, end: s.end, endToken: s.endToken };
    } else out.push({ ...s });
  }
  return out;
}
