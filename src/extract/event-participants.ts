// Who takes part in an event named in a clause, as opposed to who merely talks about it: the
// subject of "condemned the attacks", "welcomed the ceasefire", "called … to discuss the release
// of hostages" holds a view of the event and is no party to it.

import type { Token } from "./types.ts";

/**
 * Verbs (lemmas) of saying, judging and discussing: their subject speaks about what follows.
 * "announce", "propose", "promise" and "threaten" are left out: who announces a ceasefire or
 * threatens strikes usually takes part in it.
 */
const ATTITUDE_VERBS = new Set(
  `say tell note stress emphasize emphasise underscore underline reiterate reaffirm affirm
  acknowledge welcome praise hail commend applaud salute condemn denounce criticize criticise
  deplore decry regret lament urge discuss review address raise mention highlight describe
  characterize characterise recall accuse blame warn caution express convey share support back
  endorse oppose question doubt hope expect fear believe think insist argue suggest predict
  report receive`.split(/\s+/u),
);

// "Hamas said it had accepted the ceasefire": a pronoun subject after the verb of saying is
// usually the speaker itself, which then does take part.
const SUBJECT_PRONOUN = /^(?:it|they|he|she|we|i)$/iu;

/** Whether a verb token speaks about rather than does ("condemned", "to discuss", "calls for"). */
function isAttitudeVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos !== "VERB") return false;
  // "called for a ceasefire", "calls for talks": a demand.
  if (t.lemma === "call") return tokens[k + 1]?.text.toLowerCase() === "for";
  return ATTITUDE_VERBS.has(t.lemma) || ATTITUDE_VERBS.has(t.text.toLowerCase());
}

/**
 * The start offsets of actor mentions (among `mentions`, all in `tokens`' clause) that only hold
 * a view of the event named at `triggerStart`: named before a verb of saying or judging that
 * itself comes before the trigger, with no pronoun taking up the speaker in between.
 */
export function attitudeHolders(
  tokens: Token[],
  mentions: { start: number; end: number }[],
  triggerStart: number,
): Set<number> {
  const out = new Set<number>();
  let verbAt = -1;
  for (let k = 0; k < tokens.length && (tokens[k] as Token).start < triggerStart; k++) {
    if (isAttitudeVerb(tokens, k)) verbAt = k;
  }
  if (verbAt < 0) return out;
  const verb = tokens[verbAt] as Token;
  const resumed = tokens.some(
    (x) => x.start > verb.end && x.end <= triggerStart && SUBJECT_PRONOUN.test(x.text),
  );
  if (resumed) return out;
  for (const m of mentions) if (m.end <= verb.start) out.add(m.start);
  return out;
}
