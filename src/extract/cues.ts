// Word lists that mark attribution, hedging, the future and evaluation in a clause.
import type { Token } from "./types.ts";

/** Verbs that attribute what follows (or precedes) to a speaker. */
export const CUE_VERBS = new Set(
  `say says said saying state states stated stating tell tells told note notes noted noting
  emphasize emphasizes emphasized emphasizing emphasise emphasised stress stressed stressing
  add adds added confirm confirms confirmed confirming announce announces announced announcing
  warn warns warned warning deny denies denied denying hail hails hailed claim claims claimed
  insist insists insisted argue argues argued explain explained report reports reported declare
  declared acknowledge acknowledged accuse accused urge urged describe described write wrote
  tweet tweeted post posted comment commented reply replied respond responded suggest suggested
  predict predicted promise promised pledge pledged vow vowed threaten threatened reject rejected
  welcome welcomed praise praised condemn condemned criticize criticized criticised estimate
  estimated allege alleged assert asserted maintain maintained demand demanded propose proposed
  remark remarked observe observed mention mentioned indicate indicated highlight highlighted
  underline underlined reiterate reiterated recall recalled call called express expressed
  believe believes believed think thinks thought expect expects expected underscore underscores
  underscored reaffirm reaffirms reaffirmed affirm affirmed convey conveyed assure assured
  point pointed commend recognize recognise find finds found rule rules ruled conclude concluded
  decide decided caution cautions cautioned elaborate elaborated advise advises advised inform
  informs informed blame blames blamed justify justifies justified encourage encourages encouraged
  characterize characterizes characterized characterise characterised deem deems deemed credit
  credits credited reveal reveals revealed`.split(/\s+/u),
);

/** Cue verbs that evaluate rather than report: their claims are assessments. */
export const ASSESSMENT_CUES = new Set(
  `hail hails hailed praise praised condemn condemned criticize criticized criticised welcome
  welcomed describe described call called commend recognize recognise believe characterize
  characterized characterise characterised deem deemed`.split(/\s+/u),
);

export const HEDGES =
  /\b(?:may|might|could|reportedly|allegedly|apparently|possibly|perhaps|likely|unlikely|speculation|speculated|rumou?rs?|unconfirmed|unverified|it is unclear|it remains unclear|appears? to|seems? to)\b/iu;

export const FUTURE =
  /\b(?:will|shall|would(?!\s+have\b)|is expected to|are expected to|expected to|(?:is|are) expected (?:in|on|at|by|before|later|next|this)|is scheduled to|are scheduled to|scheduled|plans? to|planned|intends? to|is to|are to|upcoming|next (?:week|month|year)|in the coming|in the near future|is set to|are set to|(?:is|are) due to)\b/iu;

export const EVALUATIVE =
  /\b(?:underscores?|highlights?|suggests?|signals?|marks?|marked|symbol|illustrates?|reflects?|shows?|demonstrates?|raises? questions|questions remain|complex|fragile|significant|rare|stark|important|historic|crucial|critical|vital|essential|unacceptable|unjust|unlawful|illegal|legitimate|dangerous|troubling|concerning|deplorable|outrageous|tragic|welcome|positive|negative|grateful|step (?:toward|towards|forward)|commends?|appreciat(?:e|es|ion)|testament|needless(?:ly)?|overdue|admir(?:e|es|ation)|applauds?|condemns?|deplores?|regrets?|must|should|ought to|needs? to)\b/iu;

/**
 * Words that make what someone said an evaluation rather than a report ("the decision was
 * crucial", "a historic step"): common evaluative adjectives and nouns, not modals, which in
 * reported speech state a position ("Britain must leave").
 */
export const EVALUATION_WORDS =
  /\b(?:crucial|critical|vital|essential|historic|significant|significance|important|unacceptable|unjust|unfair|dangerous|troubling|deplorable|outrageous|tragic|sad|painful|shameful|disgraceful|reckless|irresponsible|destructive|brave|bravery|courage|courageous|admiration|successful|success|failure|disaster|disastrous|crisis|null and void|mistake|terrible|excellent|remarkable|ridiculous|absurd|hypocritical|baseless|unfounded|illegitimate|legitimate|step (?:toward|towards|forward)|testament|milestone|breakthrough|regrettable|unprecedented|appalling|heinous|barbaric|cowardly|senseless)\b/iu;

/**
 * Cue words that head a fixed noun compound with the word after them: "a Washington think
 * tank", "a report card", "warning shots". There the cue word names a thing; nobody speaks.
 */
const CUE_NOUN_COMPOUNDS: Record<string, RegExp> = {
  think: /^tanks?$/iu,
  report: /^cards?$/iu,
  call: /^(?:centers?|centres?|signs?|logs?)$/iu,
  warning: /^(?:shots?|signs?|labels?|lights?|systems?)$/iu,
  post: /^(?:offices?|boxe?s?)$/iu,
  claim: /^forms?$/iu,
};

/** True when `word` followed by `next` is one of those noun compounds. */
export function cueInNounCompound(word: string, next: string | undefined): boolean {
  const follower = CUE_NOUN_COMPOUNDS[word.toLowerCase()];
  return follower !== undefined && next !== undefined && follower.test(next);
}

/**
 * Verbs of addressing an audience or putting out a text that are not cues by themselves
 * ("addressed reporters", "spoke to the press", "issued a statement", "denounced the plan").
 */
export const SPEAKING_VERBS = new Set([
  "address",
  "speak",
  "issue",
  "release",
  "quote",
  "denounce",
  "publish",
  "tweet",
]);

/** A cue verb by its form or dictionary form ("said", "says" → "say"); the part of speech aside. */
export function isCueWord(t: Token): boolean {
  return CUE_VERBS.has(t.text.toLowerCase()) || CUE_VERBS.has(t.lemma);
}

/** A past form ("said", "announced"): neither the dictionary form nor "-s" / "-ing". */
export function isPastForm(t: Token): boolean {
  return t.text.toLowerCase() !== t.lemma && !/(?:s|ing)$/iu.test(t.text);
}

/** "found that …" reports; "found the strike justified", "ruled against the plan" do not. */
export function reportsHere(t: Token, next: Token | undefined): boolean {
  return !/^(?:find|rule|conclude|decide)$/u.test(t.lemma) || next?.text === "that";
}
