// Described actors: people and collectives the text names only by a common noun ("witnesses
// said", "according to officials", "a spokesperson told …"). The guidelines count described
// groups that act or speak, so such a noun is an actor where it acts or is the side an act is
// aimed at: the subject of a verb, the source after "according to", "citing" or a passive "by",
// the side after "against". A group named by a people's adjective ("Tigrayan combatants") is an
// actor wherever it is mentioned. State bodies known only by a common noun ("the palace", "the
// election commission") are described here too.
import type { ActorKind } from "../generated/prisma/enums.ts";
import { PARTY_ADJECTIVE } from "./gazetteer.ts";
import { firstAtOrAfter } from "./ranges.ts";
import type { Analysis, Mention, Token } from "./types.ts";

/** Plural nouns for collectives of people, with the kind of actor they make. */
const COLLECTIVES: Record<string, ActorKind> = {
  officials: "GOVERNMENT",
  authorities: "GOVERNMENT",
  prosecutors: "GOVERNMENT",
  investigators: "GOVERNMENT",
  witnesses: "GROUP",
  eyewitnesses: "GROUP",
  residents: "GROUP",
  villagers: "GROUP",
  shoppers: "GROUP",
  critics: "GROUP",
  supporters: "GROUP",
  opponents: "GROUP",
  activists: "GROUP",
  analysts: "GROUP",
  experts: "GROUP",
  observers: "GROUP",
  lawmakers: "GROUP",
  legislators: "GROUP",
  councilors: "GROUP",
  councillors: "GROUP",
  candidates: "GROUP",
  voters: "GROUP",
  students: "GROUP",
  workers: "GROUP",
  medics: "GROUP",
  doctors: "GROUP",
  rescuers: "GROUP",
  firefighters: "GROUP",
  soldiers: "GROUP",
  troops: "GROUP",
  diplomats: "GROUP",
  negotiators: "GROUP",
  mediators: "GROUP",
  gunmen: "GROUP",
  attackers: "GROUP",
  settlers: "GROUP",
  refugees: "GROUP",
  migrants: "GROUP",
  survivors: "GROUP",
  families: "GROUP",
  relatives: "GROUP",
  sources: "GROUP",
  // People of a conflict, a protest, a court case or a summit: groups the news has act, speak,
  // or be targeted.
  civilians: "GROUP",
  protesters: "GROUP",
  demonstrators: "GROUP",
  militants: "GROUP",
  rebels: "GROUP",
  fighters: "GROUP",
  insurgents: "GROUP",
  separatists: "GROUP",
  combatants: "GROUP",
  paramilitaries: "GROUP",
  guards: "GROUP",
  agents: "GROUP",
  operatives: "GROUP",
  pilots: "GROUP",
  loyalists: "GROUP",
  defectors: "GROUP",
  sympathizers: "GROUP",
  dissidents: "GROUP",
  hostages: "GROUP",
  prisoners: "GROUP",
  detainees: "GROUP",
  citizens: "GROUP",
  nationals: "GROUP",
  immigrants: "GROUP",
  passengers: "GROUP",
  tourists: "GROUP",
  pilgrims: "GROUP",
  worshippers: "GROUP",
  mourners: "GROUP",
  farmers: "GROUP",
  teachers: "GROUP",
  nurses: "GROUP",
  employees: "GROUP",
  staffers: "GROUP",
  parents: "GROUP",
  journalists: "GROUP",
  reporters: "GROUP",
  lawyers: "GROUP",
  judges: "GROUP",
  ministers: "GROUP",
  leaders: "GROUP",
  members: "GROUP",
  delegates: "GROUP",
  senators: "GROUP",
  governors: "GROUP",
  mayors: "GROUP",
  partners: "GROUP",
  allies: "GROUP",
  signatories: "GROUP",
  donors: "GROUP",
  monitors: "GROUP",
  inspectors: "GROUP",
  // "local paramilitary groups": bodies acting together.
  groups: "GROUP",
};

/** The kind of actor a plural of people makes ("officials" → GOVERNMENT), or undefined. */
export function collectiveKind(word: string): ActorKind | undefined {
  return Object.hasOwn(COLLECTIVES, word.toLowerCase())
    ? COLLECTIVES[word.toLowerCase()]
    : undefined;
}

/** Singular nouns for one unnamed person who speaks: "a spokesperson told …". */
const SPEAKERS = new Set([
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "witness",
  "eyewitness",
  "source",
  "official",
  "resident",
]);

const AGENT_BEFORE = /(?:\baccording\s+to|\bciting)\s+$/iu;
const DETERMINERS = /^(?:the|a|an|some|many|several|other|these|those|all|most|few)$/iu;
const POSSESSIVES = /^(?:our|their|its|his|her|my|your)$/iu;
// "who were killed", "who have been detained": a passive relative clause, its subject acted on.
const RELATIVE_SUBJECT =
  /^,?\s+who\b(\s+(?:is|are|was|were|have\s+been|had\s+been)\s+\p{Ll}+(?:ed|en)\b)?/u;
const SPEECH = /^(?:said|says|told|tells|stated|added|claimed|reported|confirmed|noted|warned)$/u;

/** Modifier tokens right before the noun ("anonymous", "pro-democracy", "State"). */
function modifiersStart(tokens: Token[], noun: number): number {
  let first = noun;
  for (let k = noun - 1; k >= 0 && noun - k <= 4; k--) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1] as Token;
    if (t.sentence !== next.sentence || next.start - t.end > 1) break;
    if (DETERMINERS.test(t.text)) break;
    const dash = /^[-–]$/u.test(t.text) && t.start === (tokens[k - 1]?.end ?? -1);
    // "protesting legislators": a participle modifies only opening the phrase ("citing
    // sources" is a verb and its object).
    const before = tokens[k - 1];
    const opensPhrase =
      before === undefined || before.sentence !== t.sentence || DETERMINERS.test(before.text);
    const word =
      /^\p{Ll}[\p{Ll}-]*$/u.test(t.text) &&
      (t.pos === "ADJ" ||
        t.pos === "NOUN" ||
        (t.pos === "VERB" && /ing$/u.test(t.text) && k === noun - 1 && opensPhrase));
    // "State prosecutors" opening a sentence: a capitalized modifier only there.
    const opening = before?.sentence !== t.sentence && /^\p{Lu}[\p{Ll}-]+$/u.test(t.text);
    const joined = t.end === next.start && /^[-–]$/u.test(next.text);
    if (!(word || dash || opening || joined)) break;
    first = k;
  }
  // A dash never opens the phrase.
  while (first < noun && /^[-–]$/u.test((tokens[first] as Token).text)) first++;
  return first;
}

// Adjectives of peoples and sides: "Tigrayan", "Kurdish", "Houthi", "Sudanese", "Pashtun".
const PEOPLE_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:an|ian|ese|i|ish|ic|un)$/u;
// Adjectives of that shape that name a faith or a kind, not a people (parties: PARTY_ADJECTIVE).
const NOT_PEOPLE =
  /^(?:Catholic|Islamic|Public|Anglican|Lutheran|Evangelical|Orthodox|Christian|Muslim|Academic|Economic|Scientific|Olympic|Atlantic|Pacific|Arctic)$/u;

/** The capitalized people's adjective right before a phrase, inside its sentence, if any. */
function peopleBefore(tokens: Token[], first: number): Token | undefined {
  const t = tokens[first - 1];
  const head = tokens[first] as Token;
  if (t === undefined || t.sentence !== head.sentence || head.start - t.end !== 1) return undefined;
  // Opening the sentence, a capital says nothing ("Armed civilians …" is no people).
  const before = tokens[first - 2];
  if (before === undefined || before.sentence !== t.sentence) return undefined;
  const people =
    PEOPLE_ADJECTIVE.test(t.text) && !NOT_PEOPLE.test(t.text) && !PARTY_ADJECTIVE.test(t.text);
  return people ? t : undefined;
}

function acts(tokens: Token[], body: string, noun: number, start: number): boolean {
  const next = tokens[noun + 1];
  const t = tokens[noun] as Token;
  if (
    next !== undefined &&
    next.sentence === t.sentence &&
    (next.pos === "VERB" || next.pos === "AUX")
  ) {
    // "officials are removed from office": the subject of a passive is acted on.
    const after = tokens[noun + 2];
    const passive =
      /^(?:is|are|was|were|be|been|being|get|got)$/u.test(next.text) &&
      after !== undefined &&
      /(?:ed|en)$/u.test(after.text);
    return !passive && !/^(?:being|been)$/u.test(next.text);
  }
  // "candidates, who won": the subject of a relative clause ("civilians who were killed" is
  // acted on).
  const relative = RELATIVE_SUBJECT.exec(body.slice(t.end, t.end + 40));
  if (relative) return relative[1] === undefined;
  if (AGENT_BEFORE.test(body.slice(Math.max(0, start - 15), start))) return true;
  // "carried out by sympathizers", "plots against dissidents": the agent of a passive, or the
  // side an act is aimed at, past a determiner ("by the remaining signatories").
  let k = firstAtOrAfter(tokens, start) - 1;
  if (DETERMINERS.test(tokens[k]?.text ?? "") || POSSESSIVES.test(tokens[k]?.text ?? "")) k--;
  const before = tokens[k];
  return before?.sentence === t.sentence && /^(?:by|against)$/iu.test(before.text);
}

// "of the PMF", "in Gaza": a proper name after the noun that says whose or where the group is.
const QUALIFIER =
  /^ (?:of|in) (?:the )?(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}’'-]*)(?: \p{Lu}[\p{L}’'-]*){0,3}/u;

/**
 * "sympathizers of the PMF", "civilians in Gaza": the group's fullest name, the qualifier with
 * it, while the mention keeps to the noun so the named body or place stays a mention of its own.
 */
function qualifiedName(body: string, tokens: Token[], start: number, end: number): string | null {
  const qualifier = QUALIFIER.exec(body.slice(end, end + 80));
  if (!qualifier) return null;
  // "supporters of the Shinawatra family": the name only modifies a common noun.
  const after = tokens[firstAtOrAfter(tokens, end + qualifier[0].length)];
  if (
    after?.start === end + qualifier[0].length + 1 &&
    after.pos === "NOUN" &&
    /^\p{Ll}/u.test(after.text)
  )
    return null;
  return body.slice(start, end + qualifier[0].length);
}

/** Described actors in the text, leaving out spans an earlier rule already holds. */
export function describedActors(analysis: Analysis, taken: Mention[]): Mention[] {
  const { body, tokens } = analysis;
  const out: Mention[] = [];
  const covered = (start: number, end: number) =>
    taken.some((m) => m.start < end && start < m.end) ||
    out.some((m) => m.start < end && start < m.end);
  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    const collective = COLLECTIVES[lower];
    const speaker = SPEAKERS.has(lower);
    if (collective === undefined && !speaker) return;
    const plain = modifiersStart(tokens, i);
    if (covered((tokens[plain] as Token).start, t.end)) return;
    // "Tigrayan combatants", "Kurdish fighters": a people the gazetteer does not know names the
    // group, which is then an actor wherever it is mentioned, like "Ukrainian representatives".
    const people = collective !== undefined ? peopleBefore(tokens, plain) : undefined;
    const named = people !== undefined && !covered(people.start, people.end);
    const first = named ? plain - 1 : plain;
    const start = (tokens[first] as Token).start;
    let kind: ActorKind;
    let from = start;
    let canonical: string | null = null;
    if (collective !== undefined) {
      if (!named && !acts(tokens, body, i, start)) return;
      // "Sources say …" names no one; "anonymous sources", "diplomatic sources" describe them.
      if (lower === "sources" && first === i) return;
      // "news sources", "media sources": outlets.
      kind = /\b(?:news|media)\s/iu.test(body.slice(start, t.end)) ? "MEDIA" : collective;
      canonical = qualifiedName(body, tokens, start, t.end);
    } else {
      // "A spokesperson told …": one unnamed person, with the article, who speaks.
      const article = tokens[first - 1];
      const next = tokens[i + 1];
      if (article === undefined || !/^(?:a|an)$/iu.test(article.text)) return;
      if (next === undefined || !SPEECH.test(next.text)) return;
      kind = "PERSON";
      from = article.start;
    }
    out.push({
      start: from,
      end: t.end,
      text: body.slice(from, t.end),
      kind,
      canonical,
      source: "organization",
      locative: false,
      sentence: tokens[firstAtOrAfter(tokens, from)]?.sentence ?? t.sentence,
    });
  });
  for (const m of institutionMentions(analysis)) if (!covered(m.start, m.end)) out.push(m);
  return out;
}

/** Common nouns for a state body that, after "the", name one: "the palace", "the senate". */
export const INSTITUTION_HEADS =
  "palace|senate|legislature|parliament|congress|court|council|commission|assembly|cabinet|junta|tribunal|judiciary";

// "the palace", "the election commission", "the country's federal court", "the Maidan Wardak
// provincial council": up to two lower-case modifiers (no determiner or connector) between
// "the" or an owner's "'s" and the head, after up to three capitalized words of a place.
const PLACE_WORDS = "(?:\\p{Lu}[\\p{L}’'-]*\\s+){0,3}";
const MODIFIER = "(?!(?:the|a|an|of|and|or|its|their|his|her)\\s)\\p{Ll}[\\p{Ll}-]+\\s+";
const INSTITUTION = new RegExp(
  `\\b(?:([Tt]he)\\s+|\\p{L}+[’']s\\s+)(${PLACE_WORDS}(?:${MODIFIER}){0,2})(${INSTITUTION_HEADS}|guard)(?![\\p{L}-])`,
  "gu",
);
// "outside the palace", "at the court": the building or seat, a place.
const PLACE_BEFORE = /\b(?:in|at|into|inside|outside|near|to|from|toward|towards|around)\s+$/iu;

/**
 * "the palace issued a statement", "the election commission is to meet", "dismissed by the
 * senate": a state body named only by its common noun. A description: resolution joins it to
 * the body named before ("the senate" after "the Senate of Argentina") or keeps it alone.
 */
function institutionMentions(analysis: Analysis): Mention[] {
  const { body, tokens } = analysis;
  const out: Mention[] = [];
  for (const match of body.matchAll(INSTITUTION)) {
    const end = match.index + match[0].length;
    // "the court of appeals" is a name the capitalized rules read; "the court ruling", "the
    // palace grounds" use the body as a modifier.
    const next = tokens[firstAtOrAfter(tokens, end)];
    if (/^\s+of\b/u.test(body.slice(end, end + 4))) continue;
    if (next?.start === end + 1 && next.pos === "NOUN" && /^\p{Ll}/u.test(next.text)) continue;
    if (PLACE_BEFORE.test(body.slice(Math.max(0, match.index - 12), match.index))) continue;
    // "the Ruritanian parliament": a state's body by its demonym, which the demonym rules read
    // ("Maidan Wardak", two words, is a place).
    const capitals = (match[2] ?? "").split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w));
    if (capitals.length === 1 && PEOPLE_ADJECTIVE.test(capitals[0] as string)) continue;
    // "the presidential guard": a unit of the forces, but never a bare "the guard".
    const guard = match[3] === "guard";
    if (guard && match[2] === "") continue;
    // "The country's election commission": the owner is no part of the body's name.
    const named = `${match[2] ?? ""}${match[3] ?? ""}`;
    const start = match[1] !== undefined ? match.index : end - named.length;
    out.push({
      start,
      end,
      text: body.slice(start, end),
      kind: guard ? "ORGANIZATION" : "GOVERNMENT",
      canonical: null,
      source: "description",
      locative: false,
      sentence: tokens[firstAtOrAfter(tokens, start)]?.sentence ?? 0,
    });
  }
  return out;
}
