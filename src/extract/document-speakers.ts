// Nominal speakers: "A statement from the ministry said …", "The report said …", "Their
// statement also read …", "Footage from the union showed …". The subject of the cue is a
// document, not an actor; what it says belongs to whoever issued it: the actor named in the
// phrase ("from/by/of X", "Russia's statement"), else the owner a possessive pronoun or a
// definite article points back to (the speaker before).
import { cueInNounCompound, isCueWord } from "./cues.ts";
import type { Token } from "./types.ts";

export interface DocumentSpeaker {
  /** The issuer named in the subject, or null when the subject points back ("The statement"). */
  actor: string | null;
  /** True when the subject points back to an earlier speaker ("the report", "their statement"). */
  pointsBack: boolean;
  /** True for "his/her statement": the earlier speaker is a person. */
  personal: boolean;
  cue: Token;
}

interface Ref {
  start: number;
  end: number;
  actor: string;
  kind: string;
}

const DOCUMENTS =
  "statement|report|message|summary|decision|ruling|verdict|judg(?:e)?ment|footage|video|letter|readout|communiqu[eé]|press release|release|announcement|post|tweet|notice|memo|document|declaration|filing|data|figures|survey|study|analysis|assessment|findings|transcript|recording|images|photos";

/** "the official message", "A 2015 federal court decision", "Their statement", "Footage from X". */
const DOCUMENT_SUBJECT = new RegExp(
  `^(?:(the|a|an|another|this|that|its|his|her|their|our)\\s+)?((?:[\\p{L}\\d’'.-]+\\s+){0,4}?)(?:${DOCUMENTS})s?(?:\\s+(?:from|by|of|issued by|released by|published by)\\s+(.+?))?(?:\\s+(?:also|further|later|then))?\\s*$`,
  "iu",
);

/**
 * "Analysts at the International Crisis Group", "officials from the ministry", "a spokesperson
 * for the agency": unnamed people speak for the body they are from.
 */
const PEOPLE_SUBJECT =
  /^(?:(?:the|a|an|some|several|two|three|many|senior|other)\s+)*(?:[\p{L}-]+\s+){0,2}?(?:analysts?|experts?|researchers?|scholars?|economists?|officials?|diplomats?|sources?|spokes(?:person|man|woman)|representatives?|members?|staff|employees|monitors?|observers?|investigators?|inspectors?|lawyers?)\s+(?:at|from|of|for|with|in)\s+(.+?)(?:\s+(?:also|further|later|then))?\s*$/iu;

/** Verbs a document speaks with: the cue verbs and "read"/"show" ("the statement read"). */
const isDocumentCue = (t: Token) =>
  (t.pos === "VERB" || t.pos === "AUX") &&
  (isCueWord(t) || /^(?:read|reads|show|shows|showed|shown)$/iu.test(t.text));

export function documentSpeaker(
  body: string,
  clauseTokens: Token[],
  refs: Ref[],
  inQuote: (offset: number) => boolean,
): DocumentSpeaker | null {
  const clauseStart = clauseTokens[0]?.start ?? 0;
  for (const [k, cue] of clauseTokens.entries()) {
    if (inQuote(cue.start) || !isDocumentCue(cue)) continue;
    if (cueInNounCompound(cue.text, clauseTokens[k + 1]?.text)) continue;
    const subject = subjectBefore(body, clauseStart, cue.start);
    if (!subject) continue;
    const inSubjectRefs = () =>
      refs.filter((r) => r.start >= subject.start && r.end <= cue.start && !inQuote(r.start));
    // "Member of Parliament Yvette Cooper of the Labour Party": a named person speaks.
    const members = inSubjectRefs();
    if (PEOPLE_SUBJECT.test(subject.text) && !members.some((r) => r.kind === "PERSON")) {
      const from =
        members.find((r) => !/^[’']s\b/u.test(body.slice(r.end, r.end + 2))) ?? members[0];
      if (from) return { actor: from.actor, pointsBack: false, personal: false, cue };
      continue;
    }
    const match = DOCUMENT_SUBJECT.exec(subject.text);
    if (!match) continue;
    const det = (match[1] ?? "").toLowerCase();
    const inSubject = inSubjectRefs();
    // "from the Mexican government", "Russia's statement", "A federal court decision".
    const issuer =
      inSubject.find((r) => !/^[’']s\b/u.test(body.slice(r.end, r.end + 2))) ?? inSubject[0];
    if (issuer) return { actor: issuer.actor, pointsBack: false, personal: false, cue };
    if (/^(?:his|her)$/u.test(det)) return { actor: null, pointsBack: true, personal: true, cue };
    if (/^(?:its|their|the|this|that)$/u.test(det))
      return { actor: null, pointsBack: true, personal: false, cue };
    return null;
  }
  return null;
}

/**
 * The words before the cue that can be its subject: the stretch after the last comma, with a
 * parenthetical set off by commas left out ("The official message, released on July 5,").
 */
function subjectBefore(
  body: string,
  clauseStart: number,
  cueStart: number,
): { text: string; start: number } | null {
  let text = body.slice(clauseStart, cueStart);
  let start = clauseStart;
  const parenthetical = /^([^,]+),[^,]+,\s*$/u.exec(text);
  if (parenthetical) {
    text = (parenthetical[1] as string).trimEnd();
    return text.split(/\s+/u).length <= 10 ? { text: text.trim(), start } : null;
  }
  const comma = text.lastIndexOf(",");
  if (comma >= 0) {
    start += comma + 1;
    text = text.slice(comma + 1);
  }
  const lead = text.length - text.trimStart().length;
  text = text.trim();
  return text && text.split(/\s+/u).length <= 10 ? { text, start: start + lead } : null;
}
