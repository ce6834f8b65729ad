// Attributed claims: one per clause that asserts something. The claimant is the speaker of a
// quote or the subject of a cue verb ("X said", "said X", "according to X", "hailed by X"); a
// clause the article asserts itself has claimant null. The kind follows from the cue and the
// wording: hedges → SPECULATION, future → PREDICTION, evaluation → ASSESSMENT.
import { toIsoDate } from "../domain/fuzzy-dates.ts";
import { escapeRegExp } from "../domain/names.ts";
import type { ClaimKind } from "../generated/prisma/enums.ts";
import type { Clause } from "./clauses.ts";
import {
  ASSESSMENT_CUES,
  cueInNounCompound,
  EVALUATION_WORDS,
  EVALUATIVE,
  FUTURE,
  HEDGES,
  isCueWord,
  isPastForm,
  SPEAKING_VERBS,
} from "./cues.ts";
import { type DateMention, weekdayBefore } from "./dates.ts";
import { documentSpeaker } from "./document-speakers.ts";
import { inQuote as inQuoteOf, type Quote } from "./quotes.ts";
import { within } from "./ranges.ts";
import type { Analysis, ResolvedActor, Token } from "./types.ts";

export interface ExtractedClaim {
  start: number;
  end: number;
  kind: ClaimKind;
  claimant: string | null;
  quote: { start: number; end: number } | null;
  subjects: string[];
  statedAt: DateMention | null;
  /** Offsets of the attributing words ("said", "according to"), when there are any. */
  cue: { start: number; end: number } | null;
  /** True when the cue is in the past tense ("said", not "says"): a reported happening. */
  pastCue: boolean;
  confidence: number;
}

interface ActorMentionRef {
  start: number;
  end: number;
  actor: string;
  kind: string;
  locative: boolean;
}

const PRONOUN_SUBJECT = /^(?:he|she|they|it)$/iu;
const PASSIVE_AUX = new Set(["was", "were", "been", "being", "is", "are"]);

export function extractClaims(
  analysis: Analysis,
  clauses: Clause[],
  actors: ResolvedActor[],
  quotes: Quote[],
  dates: DateMention[],
  publishedAt: Date,
): ExtractedClaim[] {
  const { body, tokens } = analysis;
  const published = toIsoDate(publishedAt);
  const refs: ActorMentionRef[] = actors
    .flatMap((a) =>
      a.mentions.map((m) => ({
        start: m.start,
        end: m.end,
        actor: a.name,
        kind: a.kind,
        locative: m.locative,
      })),
    )
    .sort((x, y) => x.start - y.start);
  const inQuote = (offset: number) => inQuoteOf(quotes, offset);
  const described = (noun: string, before: number) => describedActor(body, actors, noun, before);
  const kindOf = new Map(actors.map((a) => [a.name, a.kind]));
  const isPerson = (name: string | null) => name !== null && kindOf.get(name) === "PERSON";
  // "He said": the last speaker when that is a person, else the first person named in the
  // nearest sentence before that names one (a sentence's first person is mostly its subject:
  // "Austin called Gallant today … He acknowledged …").
  const personBefore = (clause: Clause, last: string | null): string | null => {
    if (last && kindOf.get(last) === "PERSON") return last;
    const limit = clause.continuation ? clause.start : clause.sentenceStart;
    const persons = refs.filter(
      (r) => r.end <= limit && r.kind === "PERSON" && !r.locative && !inQuote(r.start),
    );
    const nearest = persons.at(-1);
    if (!nearest) return last;
    const sentence = analysis.sentences.find(
      (x) => x.start <= nearest.start && nearest.start < x.end,
    );
    return persons.find((r) => sentence && r.start >= sentence.start)?.actor ?? nearest.actor;
  };

  const claims: ExtractedClaim[] = [];
  // The cue verb's lemma per claim, to give each sentence of a long quotation its own kind.
  const cueLemma = new Map<ExtractedClaim, string | null>();
  let lastClaimant: string | null = null;
  // "They said": a body or group that spoke before, not the last single person.
  let lastGroupClaimant: string | null = null;
  let previousSpeaker: string | null = null;
  let previous: ExtractedClaim | null = null;
  for (const clause of clauses) {
    const text = body.slice(clause.start, clause.end);
    if (/\?\s*["”’]?$/u.test(text) || introducesWhatFollows(text)) continue;
    const clauseTokens = within(tokens, clause.start, clause.end);
    const wordCount = clauseTokens.filter((t) => /\p{L}/u.test(t.text)).length;
    const hasVerb = clauseTokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
    if (wordCount < 4 || !hasVerb) continue;

    const clauseRefs = within(refs, clause.start, clause.end);
    const quote = quotes.find((q) => q.start >= clause.start && q.end <= clause.end) ?? null;
    const sharedSpeaker =
      clause.coordinated && previous?.claimant && previous.start >= clause.sentenceStart
        ? previous.claimant
        : null;
    const attribution = sharedSpeaker
      ? coordinatedCue(clauseTokens, sharedSpeaker)
      : findClaimant(body, clauseTokens, clauseRefs, inQuote, described);
    let claimant = attribution?.actor ?? null;
    if (claimant === null && attribution?.pronoun)
      claimant = attribution.personal
        ? personBefore(clause, lastClaimant)
        : attribution.document && /^(?:its|their)\b/iu.test(text) && isPerson(lastClaimant)
          ? null
          : attribution.plural && isPerson(lastClaimant)
            ? (lastGroupClaimant ?? lastClaimant)
            : lastClaimant;
    // "The agency did not mention casualties, but said exports were continuing": a cue verb
    // opening the next clause has the subject of the clause before.
    if (claimant === null && clause.continuation && previousSpeaker && opensWithCue(clauseTokens))
      claimant = previousSpeaker;
    if (
      claimant === null &&
      clause.continuation &&
      previous?.claimant &&
      /^(?:\w+ing)\b/u.test(text.replace(/^(?:though|but|although|while)\s+/u, ""))
    )
      claimant = previous.claimant;
    // "Legislator Jane Doe spoke to the press after the vote: "…"": a quotation the clause
    // introduces with a colon is its subject's.
    if (claimant === null && attribution === null && quote && colonBefore(body, quote.start)) {
      const speakers = clauseRefs.filter((r) => !inQuote(r.start) && !r.locative);
      claimant = clauseSubject(clauseTokens, speakers)?.actor ?? null;
    }
    // "The court ruled against the plan, | saying it was arbitrary": the act is the article's,
    // the saying its subject's.
    if (
      claimant === null &&
      clause.continuation &&
      previous !== null &&
      previous.claimant === null &&
      previous.start >= clause.sentenceStart &&
      /^\p{L}+ing\b/u.test(text)
    ) {
      const { start, end } = previous;
      const speakers = within(refs, start, end).filter((r) => !inQuote(r.start) && !r.locative);
      claimant = mainSubject(body, within(tokens, start, end), speakers) ?? null;
    }
    // A sentence that is only a quotation continues the previous speaker.
    // ("…," the party said: the party, even when the mention stage did not find it.)
    if (
      claimant === null &&
      attribution === null &&
      quote &&
      quote.start - clause.start <= 2 &&
      previous?.quote
    )
      claimant = previous.claimant;

    const outside = quote
      ? body.slice(clause.start, quote.start) + body.slice(quote.end, clause.end)
      : text;
    // "The court found that it could rule": a modal inside what someone said is theirs, not
    // the article hedging; only the attribution itself ("reportedly said") hedges then.
    const cueAt = attribution?.at;
    const hedged =
      claimant !== null && cueAt !== undefined && quote === null
        ? body.slice(clause.start, cueAt.end) +
          (/\b(?:reportedly|allegedly)\b/iu.test(outside) ? " reportedly" : "")
        : outside;
    const kind =
      // Not said ("did not mention"), or shown ("footage showed …"): a reported fact.
      attribution?.negatedSpeaker !== undefined ||
      (attribution?.document && attribution.cue === "show")
        ? "FACTUAL"
        : claimKind(
            claimant !== null,
            attribution?.cue ?? null,
            hedged,
            withoutFalseFutures(
              text,
              quote && { start: quote.start - clause.start, end: quote.end - clause.start },
            ),
          );
    previousSpeaker = claimant ?? attribution?.negatedSpeaker ?? null;
    // When it was said: a past date outside the quotation ("said on Wednesday"), not the
    // date of what was said ("will start on July 1, 2020"). "This Wednesday" with a past-tense
    // cue is the Wednesday before publication, wherever chrono put it.
    const at = attribution?.at;
    const pastCue = at !== undefined && isPastForm(at);
    // A document ("the report, released on July 5, said") is a source; its date is not a
    // saying the article reports as a happening.
    const statedAt =
      claimant && !attribution?.document
        ? (dates
            .filter((d) => d.start >= clause.start && d.end <= clause.end && !inQuote(d.start))
            .filter((d) => d.date.precision === "DAY")
            .filter((d) => at === undefined || nextToCue(clauseTokens, d, at))
            .map((d) => (pastCue ? weekdayBefore(d, published) : d))
            .find((d) => (d.date.end ?? "") <= published) ?? null)
        : null;
    const subjects = [
      ...new Set(clauseRefs.filter((r) => r.actor !== claimant && !r.locative).map((r) => r.actor)),
    ].slice(0, 5);
    const confidence = claimant ? (quote ? 0.85 : 0.75) : kind === "SPECULATION" ? 0.5 : 0.6;
    const cue = at ? { start: at.start, end: at.end } : null;
    const claim: ExtractedClaim = {
      start: clause.start,
      end: clause.end,
      kind,
      claimant,
      quote,
      subjects,
      statedAt,
      cue,
      pastCue,
      confidence,
    };
    // The guidelines part a sentence only where its clauses differ in claimant or kind:
    // "…, which was agreed in 2015" goes with the assertion before it. A relative or "with"
    // clause without its own speaker is part of what the speaker before said ("X said the
    // break will let him draft plans, which he is to present in October").
    const sameSentence = previous !== null && previous.start >= clause.sentenceStart;
    const withinSpeech =
      sameSentence &&
      clause.continuation &&
      attribution === null &&
      previous?.claimant !== null &&
      /^(?:which|with)\s/u.test(text);
    if (
      previous &&
      clause.continuation &&
      !sharedSpeaker &&
      sameSentence &&
      ((previous.claimant === claim.claimant && previous.kind === claim.kind) || withinSpeech)
    ) {
      previous.end = claim.end;
      previous.quote ??= claim.quote;
      previous.subjects = [...new Set([...previous.subjects, ...claim.subjects])].slice(0, 5);
      continue;
    }
    claims.push(claim);
    cueLemma.set(claim, attribution?.cue ?? null);
    previous = claim;
    if (claimant) lastClaimant = claimant;
    if (claimant && !isPerson(claimant)) lastGroupClaimant = claimant;
  }
  return claims.flatMap((c) => quotedSentenceClaims(analysis, c, cueLemma.get(c) ?? null));
}

/**
 * A quotation that runs over several sentences makes one claim per sentence (GUIDELINES.md: "one
 * per sentence"), all the speaker's, each with its own kind: '"The lives were threatened. We
 * will respond," he said' is a statement and a prediction. The cue and the date of saying stay
 * with the sentence that holds the cue.
 */
function quotedSentenceClaims(
  analysis: Analysis,
  claim: ExtractedClaim,
  cue: string | null,
): ExtractedClaim[] {
  const { quote } = claim;
  if (quote === null || claim.claimant === null) return [claim];
  const { body } = analysis;
  const inner = analysis.sentences.filter(
    (s) => s.start > quote.start && s.start < quote.end && s.start > claim.start,
  );
  if (inner.length === 0) return [claim];
  const bounds = [claim.start, ...inner.map((s) => s.start), claim.end];
  const pieces: ExtractedClaim[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] as number;
    const end = withoutTrailingSpace(body, start, bounds[k + 1] as number);
    const piece = { start: Math.max(start, quote.start), end: Math.min(end, quote.end) };
    const text = body.slice(start, end);
    const ownsCue = claim.cue !== null && claim.cue.start >= start && claim.cue.end <= end;
    const outside = body.slice(start, piece.start) + body.slice(piece.end, end);
    const kind =
      claim.kind === "FACTUAL"
        ? claim.kind
        : claimKind(
            true,
            cue,
            ownsCue ? outside : "",
            withoutFalseFutures(text, { start: piece.start - start, end: piece.end - start }),
          );
    pieces.push({
      ...claim,
      start,
      end,
      kind,
      quote: piece.end > piece.start ? piece : null,
      cue: ownsCue ? claim.cue : null,
      statedAt: ownsCue ? claim.statedAt : null,
    });
  }
  return pieces;
}

function withoutTrailingSpace(body: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/u.test(body[last - 1] as string)) last--;
  return last;
}

/**
 * When the saying was: a date right after the cue and its object ("said Sunday", "told
 * reporters on Friday", "announced his resignation shortly before midnight Wednesday") or before
 * it with only the speaker and other acts of speaking in between ("On Tuesday, the minister,
 * speaking to a think tank, called …"). Not a date that names a thing ("pointing to the
 * December 31 attack"), the time of what was said ("said talks would resume on Sunday"), nor
 * that of a happening reported before a trailing cue ("On Sunday the talks collapsed, X said").
 */
function nextToCue(clauseTokens: Token[], d: DateMention, cue: Token): boolean {
  const between = clauseTokens.filter(
    (t) => t.start >= Math.min(d.end, cue.end) && t.end <= Math.max(d.start, cue.start),
  );
  // "According to the mayor, Jane Doe, on Sunday, …": the source's name may be set off.
  const source = cue.text.toLowerCase() === "according";
  if (d.start >= cue.end)
    return (
      between.length <= (source ? 12 : 8) &&
      !between.some(
        (t, k) =>
          /^(?:AUX|SCONJ)$/u.test(t.pos) ||
          (t.pos === "PUNCT" && !source) ||
          /^that$/iu.test(t.text) ||
          // "by live television": a verb form inside the object's noun phrase is no clause.
          (t.pos === "VERB" && between[k + 1]?.pos !== "NOUN"),
      )
    );
  if (d.end > cue.start) return false;
  return !between.some((t) => t.pos === "VERB" && !isCueWord(t) && !SPEAKING_VERBS.has(t.lemma));
}

/**
 * "X provided the following readout:", "The below is attributable to X:": a line that only
 * introduces the text after it asserts nothing itself.
 */
function introducesWhatFollows(text: string): boolean {
  return /:$/u.test(text) && /\b(?:the following|below|as follows|attributable to)\b/iu.test(text);
}

/** "but said …", "and added that …": the clause starts with a cue verb and no subject. */
function opensWithCue(clauseTokens: Token[]): boolean {
  const first = clauseTokens.find(
    (t) => !/^(?:but|and|though|although|while|also)$/iu.test(t.text),
  );
  return first !== undefined && first.pos === "VERB" && isCueWord(first);
}

/** "… and expressed his support": the verb after "and" (and "also") speaks for the speaker
 * of the clause before. */
function coordinatedCue(clauseTokens: Token[], speaker: string): Attribution {
  const verb = clauseTokens.find((t, k) => k > 0 && t.pos === "VERB");
  return {
    actor: speaker,
    cue: verb?.lemma ?? "say",
    pronoun: false,
    ...(verb ? { at: verb } : {}),
  };
}

/** Cue verbs that can stand before their speaker: "…, said Peskov", "…, warned the minister". */
const INVERTING = new Set(
  `say add note write state explain insist argue claim reply respond remark observe ask continue
  conclude confirm comment announce warn report tell`.split(/\s+/u),
);

/**
 * "Rudaw reports …", "the government claims …", "Grenell alleged, …": right after a speaker's
 * name a cue word is the verb, though taggers often read "reports"/"claims"/"state" as nouns
 * and "alleged" as an adjective. Not before a verb or "of" ("EU states are", "Russia's claims of").
 */
function verbAfterSpeaker(
  body: string,
  t: Token,
  next: Token | undefined,
  speakers: ActorMentionRef[],
): boolean {
  if (next && (next.pos === "VERB" || next.pos === "AUX" || /^(?:of|for|to)$/iu.test(next.text)))
    return false;
  return speakers.some((r) => r.end <= t.start && /^\s+$/u.test(body.slice(r.end, t.start)));
}

/**
 * "… was criticised by archbishop Jorge Scheinig. … the archbishop said": a definite description
 * before a cue stands for the nearest actor named with that word (in its name or title).
 */
function describedActor(
  body: string,
  actors: ResolvedActor[],
  noun: string,
  before: number,
): string | null {
  const word = new RegExp(`\\b${escapeRegExp(noun)}\\b`, "iu");
  let best: { actor: string; start: number } | null = null;
  for (const a of actors) {
    for (const m of a.mentions) {
      if (m.end > before || (best && m.start < best.start)) continue;
      // The word may be part of the name or a title before it ("archbishop Jorge Scheinig").
      const titled = body.slice(Math.max(0, m.start - 30), m.end);
      if (word.test(a.name) || word.test(titled)) best = { actor: a.name, start: m.start };
    }
  }
  return best?.actor ?? null;
}

/** Offices named either way: a "foreign secretary" is "the foreign minister" in another report. */
const OFFICE_SYNONYMS: Record<string, string[]> = {
  minister: ["secretary"],
  secretary: ["minister"],
};

/** "the archbishop said", "the party informed": the actor a definite description right before
 * the cue stands for. */
function describedBefore(
  clauseTokens: Token[],
  i: number,
  described: (noun: string, before: number) => string | null,
): string | null {
  const noun = clauseTokens[i - 1];
  const cue = clauseTokens[i] as Token;
  if (noun?.pos !== "NOUN" || !/^\p{L}{3,}$/u.test(noun.text)) return null;
  const det = clauseTokens[i - 2];
  if (det?.text.toLowerCase() === "the") return described(noun.text.toLowerCase(), cue.start);
  // "the foreign minister said": the whole description when it names someone, else its noun.
  const modifier = det;
  if (
    modifier &&
    /^(?:ADJ|NOUN|PROPN)$/u.test(modifier.pos) &&
    clauseTokens[i - 3]?.text.toLowerCase() === "the"
  )
    return (
      [noun.text.toLowerCase(), ...(OFFICE_SYNONYMS[noun.text.toLowerCase()] ?? [])]
        .map((n) => described(`${modifier.text.toLowerCase()} ${n}`, cue.start))
        .find((a) => a !== null) ?? described(noun.text.toLowerCase(), cue.start)
    );
  return null;
}

type Attribution = {
  actor: string | null;
  cue: string;
  pronoun: boolean;
  at?: Token;
  /** True when a document speaks ("the report said"): the source, not a dated saying. */
  document?: boolean;
  /** True for "he"/"she"/"him"/"her": the speaker is a person. */
  personal?: boolean;
  /** True for "they": the speaker is a group, or several. */
  plural?: boolean;
  /** "The agency did not mention casualties": who did not say it; the claim is the article's. */
  negatedSpeaker?: string | null;
};

function findClaimant(
  body: string,
  clauseTokens: Token[],
  refs: ActorMentionRef[],
  inQuote: (offset: number) => boolean,
  described: (noun: string, before: number) => string | null,
): Attribution | null {
  const document = documentSpeaker(body, clauseTokens, refs, inQuote);
  if (document)
    return {
      actor: document.actor,
      cue: document.cue.lemma,
      pronoun: document.pointsBack,
      personal: document.personal,
      at: document.cue,
      document: true,
    };
  const source = accordingTo(body, clauseTokens, refs, inQuote);
  const verb = verbAttribution(body, clauseTokens, refs, inQuote, described);
  // "Pelosi called the conduct a breach, according to NBC": the source only reports the
  // speaker's words; the speaker is the claimant.
  if (source?.at && verb?.actor && verb.at && verb.at.start < source.at.start) return verb;
  if (!source && verb?.at && negated(clauseTokens, verb.at))
    return { actor: null, cue: verb.cue, pronoun: false, negatedSpeaker: verb.actor };
  return source ?? verb;
}

function pronounSpeaker(pronoun: Token, cue: Token): Attribution {
  const personal = /^(?:he|she)$/iu.test(pronoun.text);
  const plural = /^they$/iu.test(pronoun.text);
  return { actor: null, cue: cue.lemma, pronoun: true, at: cue, personal, plural };
}

/** "did not mention", "did not immediately announce", "never said". */
function negated(clauseTokens: Token[], cue: Token): boolean {
  const k = clauseTokens.indexOf(cue);
  const before = clauseTokens[k - 1];
  const negation = (t: Token | undefined) =>
    t !== undefined && /^(?:not|n[’']t|never)$/iu.test(t.text);
  return negation(before) || (before?.pos === "ADV" && negation(clauseTokens[k - 2]));
}

/** "according to X", "According to him" (the speaker named before). */
function accordingTo(
  body: string,
  clauseTokens: Token[],
  refs: ActorMentionRef[],
  inQuote: (offset: number) => boolean,
): Attribution | null {
  for (let i = 0; i + 1 < clauseTokens.length; i++) {
    const t = clauseTokens[i] as Token;
    if (t.text.toLowerCase() !== "according" || (clauseTokens[i + 1] as Token).text !== "to")
      continue;
    const pronoun = clauseTokens[i + 2]?.text ?? "";
    if (/^(?:him|her|them)$/iu.test(pronoun))
      return {
        actor: null,
        cue: "according to",
        pronoun: true,
        at: t,
        personal: pronoun !== "them",
      };
    // The mention stage may read "to Johnson" as a place; after "according" it never is.
    const after = refs.filter((r) => r.start > t.end && r.start - t.end < 60 && !inQuote(r.start));
    const first = after[0];
    if (!first) continue;
    // "according to Johnson's critics": the possessor is not the source; its head may be.
    if (/^[’']s\b/u.test(body.slice(first.end, first.end + 2))) {
      const head = after[1];
      if (head && !/[,;]/u.test(body.slice(first.end, head.start)))
        return { actor: head.actor, cue: "according to", pronoun: false, at: t };
      continue;
    }
    return { actor: first.actor, cue: "according to", pronoun: false, at: t };
  }
  return null;
}

/** The subject (or agent) of a cue verb: "X said", "…, said X", "was hailed by X". */
function verbAttribution(
  body: string,
  clauseTokens: Token[],
  refs: ActorMentionRef[],
  inQuote: (offset: number) => boolean,
  described: (noun: string, before: number) => string | null,
): Attribution | null {
  const speakers = refs.filter((r) => !inQuote(r.start) && !r.locative);
  for (let i = 0; i < clauseTokens.length; i++) {
    const t = clauseTokens[i] as Token;
    const word = t.text.toLowerCase();
    const prev = clauseTokens[i - 1];
    const next = clauseTokens[i + 1];
    // "The two leaders agreed that …" (readouts) reports a shared position; "agreed to" acts.
    const cue =
      isCueWord(t) ||
      (t.lemma === "agree" && next?.text === "that") ||
      issuesStatement(clauseTokens, i);
    if (!cue || inQuote(t.start) || cueInNounCompound(word, next?.text)) continue;
    // "The palace issued the following statement from the king": the text's author speaks.
    // ("from" makes the mention stage read a place: "from King Harald" is not one.)
    const author = issuesStatement(clauseTokens, i)
      ? authorAfter(
          body,
          t,
          refs.filter((r) => !inQuote(r.start) && (!r.locative || r.kind === "PERSON")),
        )
      : undefined;
    if (author) return { actor: author.actor, cue: t.lemma, pronoun: false, at: t };
    const afterSpeaker = verbAfterSpeaker(body, t, next, speakers);
    // '"…," the party informed the press': after a quotation and a description the word is
    // the cue, whatever the tagger read.
    const afterQuote =
      prev?.pos === "NOUN" &&
      clauseTokens[i - 2]?.pos === "DET" &&
      /^[,”"’]$/u.test(clauseTokens[i - 3]?.text ?? "") &&
      /[”"’],?\s*$/u.test(
        body.slice(
          Math.max(0, (clauseTokens[i - 2] as Token).start - 4),
          (clauseTokens[i - 2] as Token).start,
        ),
      );
    if (!(t.pos === "VERB" || t.pos === "AUX" || afterSpeaker || afterQuote)) continue;
    // Readouts: "All affirmed their commitment …", "Both stressed …": the participants speak
    // through the readout's principal, the person it names first.
    if (prev && i === 1 && /^(?:all|both)$/iu.test(prev.text))
      return { actor: null, cue: t.lemma, pronoun: true, at: t, personal: true };
    // "member states", "the statement", "a call": the word is a noun here, not a cue.
    if (
      prev &&
      !afterSpeaker &&
      (["DET", "ADJ", "NUM"].includes(prev.pos) || (prev.pos === "NOUN" && /s$/u.test(word)))
    )
      continue;
    // "gains have added impetus": add and point report speech only before "that", a quote
    // or punctuation ("…, he added.").
    if (/^(?:add|point)$/u.test(t.lemma) && next && !/^(?:that|out|[,.:;“"‘])$/u.test(next.text))
      continue;
    // "The court found that …", "the panel concluded that …": findings report only with "that".
    if (/^(?:find|found|rule|conclude|decide)$/u.test(t.lemma) && next?.text !== "that") continue;
    // "… power to do as he proposed": a cue inside a mid-sentence "as"-clause only qualifies.
    if (i >= 3 && clauseTokens[i - 2]?.text.toLowerCase() === "as" && prev?.pos === "PRON")
      continue;
    // "Austin called Gallant today to discuss the hostages": a telephone call, not a verdict
    // ("called the deal a mistake") or a demand ("called for talks").
    if (t.lemma === "call" && phoneCall(clauseTokens, i)) continue;
    // "has been reported": a passive cue without an agent attributes to no one.
    if (prev && /^(?:been|was|were|is|are)$/iu.test(prev.text) && next?.text !== "by") continue;
    // "was hailed by Russian officials"
    if (prev && PASSIVE_AUX.has(prev.text.toLowerCase()) && next?.text === "by") {
      const agent = speakers.find((r) => r.start >= next.end && r.start - next.end < 30);
      if (agent) return { actor: agent.actor, cue: t.lemma, pronoun: false, at: t };
    }
    // "…,” said Peskov." / "…, said the ministry." Only verbs of saying invert; after
    // "…, accusing" or "…, urging" the name that follows is the object, not the speaker.
    // "The bloc's foreign policy chief, Kaja Kallas, said …": a name set off by commas right
    // before the cue is its subject, not a sign of inversion.
    const apposition =
      prev?.text === "," &&
      speakers.some(
        (r) =>
          r.end <= prev.start &&
          body.slice(r.end, prev.start).trim() === "" &&
          /,\s*$/u.test(body.slice(Math.max(0, r.start - 3), r.start)),
      );
    if (
      prev &&
      !apposition &&
      /^[,”"’]$/u.test(prev.text) &&
      INVERTING.has(t.lemma) &&
      !word.endsWith("ing")
    ) {
      // "…, argued the government's lawyer, Richard Keen": the possessor only qualifies.
      const after = speakers.filter((r) => r.start >= t.end && r.start - t.end < 50);
      const agent = /^[’']s\b/u.test(body.slice(after[0]?.end ?? 0, (after[0]?.end ?? 0) + 2))
        ? (after[1] ?? after[0])
        : after.find((r) => r.start - t.end < 30);
      if (agent) return { actor: agent.actor, cue: t.lemma, pronoun: false, at: t };
    }
    // "…, a senior official told reporters": a trailing attribution after a comma names the
    // speaker there or nowhere; the actors before the comma are what was said.
    const clauseStart = (clauseTokens[0] as Token).start;
    const lastComma = body.lastIndexOf(",", t.start);
    const between = body.slice(lastComma + 1, t.start).trim();
    const trailing =
      lastComma > clauseStart &&
      between.length > 0 &&
      !word.endsWith("ing") &&
      !inQuote(lastComma) &&
      between.split(/\s+/u).length <= 6 &&
      clauseTokens.some((x) => x.start < lastComma && (x.pos === "VERB" || x.pos === "AUX"));
    const before = speakers.filter((r) => r.end <= t.start && (!trailing || r.start > lastComma));
    // "In an interview with Sputnik News, UNESCO said": the speaker stands next to the cue.
    const segment = word.endsWith("ing") ? [] : before.filter((r) => r.start > lastComma);
    const pool = segment.length > 0 ? segment : before;
    // Modifiers are not speakers: "of Egypt", "Niger's president …", "AU commissioner Albert
    // Muchanga" (the organization qualifies the person, who speaks).
    const heads = pool.filter((r, k, list) => {
      const possessive = /^[’']s\b/u.test(body.slice(r.end, r.end + 2));
      const ofModifier = /\bof\s+(?:the\s+)?$/u.test(body.slice(Math.max(0, r.start - 8), r.start));
      // "The conflict between Israel and Hezbollah … threatens": a name inside a prepositional
      // phrase is not the one speaking.
      const inPhrase =
        /\b(?:between|with|against|for|from|in|on|about|among|over|into|to|at)\s+(?:the\s+)?(?:[\p{L}.’'-]+\s+and\s+(?:the\s+)?)?$/iu.test(
          body.slice(Math.max(0, r.start - 40), r.start),
        );
      // "The Yemen-based Houthi movement": the place only qualifies the speaker.
      const qualifier = /^[-–](?:based|backed|led|born|allied|linked)\b/u.test(
        body.slice(r.end, r.end + 8),
      );
      if (inPhrase || qualifier) return false;
      return (
        !((possessive || ofModifier) && k + 1 < list.length) && !(ofModifier && list.length > 1)
      );
    });
    const subject = heads.find((r) => r.kind === "PERSON") ?? heads[0];
    // "State prosecutors charged the suspect, they said Sunday": a trailing "they"/"it" is
    // the body that is the subject of the clause before it.
    if (prev && /^(?:they|it)$/iu.test(prev.text) && clauseTokens[i - 2]?.text === ",") {
      const body = clauseSubject(clauseTokens, speakers);
      if (body && body.kind !== "PERSON")
        return { actor: body.actor, cue: t.lemma, pronoun: false, at: t };
    }
    // "… charges he denies": a pronoun right before the cue is its subject.
    if (prev && PRONOUN_SUBJECT.test(prev.text)) return pronounSpeaker(prev, t);
    if (subject) return { actor: subject.actor, cue: t.lemma, pronoun: false, at: t };
    const describedSpeaker = describedBefore(clauseTokens, i, described);
    if (describedSpeaker) return { actor: describedSpeaker, cue: t.lemma, pronoun: false, at: t };
    const head = clauseTokens[0];
    if (head && PRONOUN_SUBJECT.test(head.text)) return pronounSpeaker(head, t);
  }
  return null;
}

const ISSUING = new Set(["issue", "release", "publish", "put", "send", "post", "deliver"]);
const ISSUED_TEXT =
  /^(?:statements?|messages?|communiqu[eé]s?|readouts?|declarations?|releases?|letters?|notes?|notices?|tweets?|posts?|videos?)$/iu;

/**
 * "The government issued a statement agreeing …", "The palace released the following message:
 * "…"": issuing a text whose content follows (a participle, "that", a colon or a quotation) is
 * saying it. "published a report on its forces" says nothing the clause reports.
 */
function issuesStatement(clauseTokens: Token[], i: number): boolean {
  const t = clauseTokens[i] as Token;
  if (t.pos !== "VERB" || !ISSUING.has(t.lemma)) return false;
  const noun = clauseTokens.slice(i + 1, i + 5).findIndex((x) => ISSUED_TEXT.test(x.text));
  if (noun < 0) return false;
  const after = clauseTokens.slice(i + 2 + noun, i + 10 + noun);
  return after.some(
    (x, k) =>
      /^(?:that|:|“|")$/u.test(x.text) ||
      (x.pos === "VERB" && /ing$/u.test(x.text) && after[k - 1]?.pos !== "ADP"),
  );
}

/** "… a statement from the king", "… a message by the ministry": who wrote the text. */
function authorAfter(
  body: string,
  cue: Token,
  speakers: ActorMentionRef[],
): ActorMentionRef | undefined {
  const window = body.slice(cue.end, cue.end + 60);
  // "a message from President Ivo Petrov": a title may stand before the name.
  const from =
    /^\s+(?:\p{L}+\s+){0,3}?\p{L}+\s+(?:from|by|of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,2}$/u;
  return speakers.find(
    (r) =>
      r.start > cue.end && r.start - cue.end < 60 && from.test(window.slice(0, r.start - cue.end)),
  );
}

/**
 * The subject of a clause's main verb: the last actor named before it that is not inside a
 * phrase ("In late June, the Supreme Court ruled": the court; "the head of the agency said").
 */
function mainSubject(
  body: string,
  clauseTokens: Token[],
  speakers: ActorMentionRef[],
): string | undefined {
  const verb = clauseTokens.find((t) => t.pos === "VERB" || (t.pos === "AUX" && t.lemma !== "be"));
  if (!verb) return undefined;
  const named = speakers.filter((r) => r.end <= verb.start);
  const heads = named.filter(
    (r) =>
      !/\b(?:of|in|on|at|for|from|with|by|to|between|against|about)\s+(?:the\s+)?$/iu.test(
        body.slice(Math.max(0, r.start - 20), r.start),
      ) && !/^[’']s\b/u.test(body.slice(r.end, r.end + 2)),
  );
  return heads.at(-1)?.actor;
}

/** The actor named before the clause's first verb, when that is where the clause starts. */
function clauseSubject(
  clauseTokens: Token[],
  speakers: ActorMentionRef[],
): ActorMentionRef | undefined {
  const verb = clauseTokens.find((t) => t.pos === "VERB" || t.pos === "AUX");
  const first = clauseTokens[0];
  if (!verb || !first) return undefined;
  const named = speakers.filter((r) => r.start >= first.start && r.end <= verb.start);
  // Only a plain subject ("State prosecutors", "The ministry"): no fronted phrase before it.
  const lead = clauseTokens.filter((t) => t.end <= (named[0]?.start ?? 0));
  return lead.every((t) => /^(?:DET|ADJ|NOUN|PROPN)$/u.test(t.pos)) ? named[0] : undefined;
}

function colonBefore(body: string, quoteStart: number): boolean {
  return /:\s*["“‘«]?$/u.test(body.slice(Math.max(0, quoteStart - 4), quoteStart));
}

/** "broke down on May 6", "in early May": the month, not the hedge "may". */
function withoutMonthMay(text: string): string {
  return text.replace(
    /\bMay(?=\s+\d)|(?<=\b(?:in|of|since|until|by|from|early|late|mid-?|on|last|next|this|through)\s+)May\b|\b(?<=\d{1,2}(?:st|nd|rd|th)?\s+)May\b/gu,
    "   ",
  );
}

/** Cues that ask for something: what they ask for is a position, not a forecast. */
const DIRECTIVE_CUES = new Set(["urge", "demand", "encourage", "ask", "appeal", "press"]);

/** "attacked the inquiry as "a witch hunt"", "called the deal 'a disgrace'": a quoted verdict. */
const VERDICT =
  /\b(?:as|call(?:s|ed|ing)?\s+(?:it|this|that|them|the\s+\p{L}+(?:\s+\p{L}+)?))\s+(?:an?\s+|the\s+)?["“‘]/iu;

function claimKind(
  attributed: boolean,
  cue: string | null,
  outsideQuote: string,
  text: string,
): ClaimKind {
  if (cue && ASSESSMENT_CUES.has(cue) && !callsFor(cue, text)) return "ASSESSMENT";
  if (HEDGES.test(withoutMonthMay(outsideQuote))) return "SPECULATION";
  // "urged both sides to take steps that will ease tensions": a demand, whatever it looks to.
  const demand = cue !== null && DIRECTIVE_CUES.has(cue);
  if (FUTURE.test(text) && !decidedBefore(text) && !(attributed && demand)) return "PREDICTION";
  if (attributed)
    return EVALUATION_WORDS.test(text) || VERDICT.test(text) ? "ASSESSMENT" : "STATEMENT";
  if (EVALUATIVE.test(text)) return "ASSESSMENT";
  return "FACTUAL";
}

/**
 * The clause with future-looking words blanked where they do not look forward: "would" inside
 * a quotation or with "if" (a hypothetical: "this would be the first case", "he would be okay
 * if …"), "would've", "the goal of the talks is to …", "our plans to …" (a noun). Reported
 * "would" outside a quotation ("said a deal would be reached") still predicts.
 */
function withoutFalseFutures(text: string, quote: { start: number; end: number } | null): string {
  const blank = (m: string) => " ".repeat(m.length);
  let out = text;
  if (quote) {
    const inside = out.slice(quote.start, quote.end).replace(/\bwould\b/giu, blank);
    out = out.slice(0, quote.start) + inside + out.slice(quote.end);
  }
  if (/\bif\b/iu.test(out)) out = out.replace(/\bwould\b/giu, blank);
  return out
    .replace(/\bwould[’']ve\b/giu, blank)
    .replace(
      /\b(?:goal|aim|objective|purpose|task|mission|intention|idea)\b(?:\s+of\s+[^,.;]{1,40}?)?\s+(?:is|was)\s+to\b/giu,
      blank,
    )
    .replace(/\b(?:our|his|her|their|its|the|my|your)\s+plans?\s+to\b/giu, blank);
}

function phoneCall(clauseTokens: Token[], i: number): boolean {
  const next = clauseTokens[i + 1];
  if (!next || /^(?:for|on|upon)$/iu.test(next.text)) return false;
  const after = clauseTokens.slice(i + 1, i + 12);
  return after.some(
    (x, k) => x.text.toLowerCase() === "to" && after[k + 1]?.pos === "VERB" && k > 0,
  );
}

/** "called for talks", "called on Turkey to halt": a demand, not an evaluation ("called it a crime"). */
function callsFor(cue: string, text: string): boolean {
  return cue === "call" && /\bcall(?:s|ed|ing)?\s+(?:for|on|upon)\b/iu.test(text);
}

/**
 * "Armenia and Azerbaijan agreed on Friday to resume talks next month": a decision already taken
 * about the future is reported as a fact; the future words belong to what was decided.
 */
function decidedBefore(text: string): boolean {
  const future = FUTURE.exec(text);
  if (future === null) return false;
  return /\b(?:agreed|decided|voted|resolved|approved|announced|ordered)\b/iu.test(
    text.slice(0, future.index),
  );
}
