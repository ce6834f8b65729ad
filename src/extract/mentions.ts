// Actor mentions: capitalized name chunks read against the gazetteer and name-shape rules
// (organization heads, titles before a person), demonyms before group nouns ("Ukrainian
// representatives"), and definite descriptions ("the ministry") that resolution links back.
import type { ActorKind } from "../generated/prisma/enums.ts";
import { CUE_VERBS } from "./cues.ts";
import { describedActors } from "./described.ts";
import {
  ADJECTIVES_ALONE,
  COUNTRIES,
  DESCRIBED_TITLES,
  GROUP_NOUNS,
  LONE_HEADS,
  NAMED_ACTORS,
  NON_STATE_PLACES,
  NOT_NAMES,
  NOT_PERSON_WORDS,
  ORGANIZATION_HEADS,
  PARTY_ADJECTIVE,
  PERSON_TITLES,
  PLACE_PHRASES,
  TITLE_HEADS,
  TITLE_WORDS,
  US_STATE_NAMES,
} from "./gazetteer.ts";
import { GIVEN_NAMES } from "./given-names.ts";
import { requirePersonEvidence } from "./person-evidence.ts";
import { firstAtOrAfter } from "./ranges.ts";
import type { Analysis, Mention, Token } from "./types.ts";

interface Entry {
  canonical: string;
  kind: ActorKind;
  /** Demonyms name the state only in some uses ("Russia said" yes, "Russian forces" no). */
  demonym: boolean;
  capital: boolean;
}

/** Gazetteer phrases keyed by their words joined with single spaces. */
const ENTRIES = new Map<string, Entry>();
function addEntry(phrase: string, entry: Entry) {
  if (!ENTRIES.has(phrase)) ENTRIES.set(phrase, entry);
}
for (const c of COUNTRIES) {
  const entry = { canonical: c.name, kind: "COUNTRY" as const, demonym: false, capital: false };
  addEntry(c.name, entry);
  for (const a of c.aliases) addEntry(a, entry);
  for (const d of c.demonyms) addEntry(d, { ...entry, demonym: true });
  for (const cap of c.capitals) addEntry(cap, { ...entry, capital: true });
}
for (const a of NAMED_ACTORS) {
  const entry = { canonical: a.name, kind: a.kind, demonym: false, capital: false };
  addEntry(a.name, entry);
  for (const alias of a.aliases) addEntry(alias, entry);
}
// Counted in tokens: "Agence France-Presse" is four ("France", "-", "Presse").
const LONGEST_ENTRY = Math.max(...[...ENTRIES.keys()].map((k) => k.split(/[\s\-–]/u).length * 2));

/** Tokens first..last (clamped to the text) joined by single spaces, with a trailing space. */
function tokenWindowText(tokens: Token[], first: number, last: number): string {
  return `${words(tokens, Math.max(0, first), last).join(" ")} `;
}

/** The words of tokens first..last as the text writes them: spaced only where the text is. */
function phraseOf(tokens: Token[], first: number, last: number): string {
  let out = (tokens[first] as Token).text;
  for (let k = first + 1; k <= last; k++) {
    const t = tokens[k] as Token;
    out += t.start > (tokens[k - 1] as Token).end ? ` ${t.text}` : t.text;
  }
  return out;
}

/**
 * The last token of the longest gazetteer name that starts at token i ("Organization for
 * Security and Co-operation in Europe", "Islamic State of Iraq and the Levant"): a known name
 * holds its own connectors and lower-case words, which the run rules would cut at.
 */
function knownNameEnd(tokens: Token[], i: number, sentenceEnd: number): number {
  for (let len = Math.min(LONGEST_ENTRY, sentenceEnd - i); len >= 2; len--) {
    const last = i + len - 1;
    const entry = ENTRIES.get(phraseOf(tokens, i, last));
    if (entry && /\s|[-–]/u.test(phraseOf(tokens, i, last))) return last;
  }
  return i;
}

// Lower-case words allowed inside a name: "Ministry of Defense", "Tamim bin Hamad Al Thani".
const CONNECTORS = new Set([
  "of",
  "for",
  "the",
  "de",
  "on",
  "and",
  "bin",
  "ibn",
  "al",
  "von",
  "van",
  "der",
  "da",
  "del",
  "di",
  "la",
  "le",
  // "Arnel dela Vega", "Luiz Inácio da Silva", "José dos Santos", "Fatima bint Mubarak".
  "dela",
  "della",
  "dos",
  "das",
  "du",
  "bint",
]);
// Last words that make a capitalized run a thing, a place or a day, never an actor.
const THING_HEADS =
  /^(?:Agreement|Accords?|Conventions?|Treaty|Protocol|Declaration|Charter|Act|Law|Plan|Summit|Conference|Crossing|Square|Avenue|Street|Road|Palace|Hotel|Airport|Stadium|Bridge|Day|Eve|Cup|Games|Olympics|Festival|Prize|Award|Courthouse|Tower|Memorial|Hospital|Prison|Camp|Port|River|Island|Mountains?|Valley|Corridor)$/u;
// Lower-case nouns after a name that make it a party's or alliance's name.
const PARTY_NOUNS = new Set(["party", "coalition", "movement", "alliance", "bloc", "faction"]);
/** "party" or "parties" after the word, or after "and" and one more party's adjective. */
function partyNounAfter(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1]?.text;
  if (next === "party" || next === "parties") return true;
  // "the Democratic and Republican parties", "the Democratic and Republican Party's primaries".
  return (
    next === "and" &&
    PARTY_ADJECTIVE.test(tokens[last + 2]?.text ?? "") &&
    /^(?:parties|Party)$/u.test(tokens[last + 3]?.text ?? "")
  );
}
// Heads of bodies that a national name ("American Civil Liberties Union", "Russian Orthodox
// Church") does not make part of a government.
const CIVIL_HEADS = new Set([
  "Union",
  "League",
  "Association",
  "Foundation",
  "Institute",
  "Center",
  "Centre",
  "University",
  "Movement",
  "Front",
  "Group",
  "Company",
  "Corporation",
  "Alliance",
  "Coalition",
  "International",
  "Party",
  "Organization",
  "Organisation",
  "Observatory",
  "Archive",
]);
// Armed forces are organizations even when a state's ("Islamic Revolutionary Guard Corps").
const ARMED_FORCES =
  /\b(?:Forces|Force|Army|Navy|Party|Corps|Guards?|Brigades?|Division|Regiment|Battalion|Command|Militia)\b/u;
// Connectors inside a title ("Secretary of State"), never inside a person's name.
const TITLE_LINKS = new Set(["of", "for", "the", "and"]);
const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "to",
  "from",
  "into",
  "across",
  "inside",
  "outside",
  "through",
  "via",
  "toward",
  "towards",
  "around",
]);
const COMPASS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|south-?east|south-?west|north-?eastern|north-?western|south-?eastern|south-?western)$/u;
const PLACE_ONLY = new Set([
  // "expanding into Lebanon"; "spoke regarding Syria", "talked about Iran": where or what about,
  // not who.
  "into",
  "regarding",
  "concerning",
  "about",
  "in",
  "at",
  "near",
  "inside",
  "outside",
  "across",
  "throughout",
  "within",
]);
// "'s Maidan Wardak province", "'s northern Idlib region": a place inside the state.
const PLACE_OF_STATE =
  /^[’']s\s+(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern)\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:province|region|district|county|oblast|governorate|prefecture|municipality|town|village|city)\b/u;
// Words of movement before "to": "returned to Thailand", "flights to Spain", "back to the
// United States" name a destination, not the state acting.
const MOVEMENT =
  /^(?:back|return|returns|returned|returning|travel|travels|traveled|travelled|flew|fly|flying|flight|flights|went|go|goes|going|came|come|comes|arrived|arrive|moved|move|deported|extradited|transferred|headed|trip|journey|fled|flee|route|routes)$/iu;
const GROUP_MODIFIERS = new Set([
  "state",
  "armed",
  "senior",
  "top",
  "government",
  "military",
  "foreign",
  "local",
  "regional",
  "federal",
  "border",
  "defense",
  "defence",
  "security",
  "special",
  "captured",
]);

// Lower-case phrases that name acting collectives without a proper name.
const DESCRIBED_GROUPS: { pattern: RegExp; kind: ActorKind }[] = [
  {
    pattern:
      /\b(?:international|independent|foreign|western|local|state|russian|ukrainian)\s+(?:media|journalists|press)\b/giu,
    kind: "MEDIA",
  },
  {
    pattern:
      /\b(?:international|western|independent|foreign|un|military)\s+(?:observers|monitors|analysts|experts|mediators|partners|leaders)\b/giu,
    kind: "GROUP",
  },
  {
    // "African leaders", "Arab states": the leaders or states of a region act together.
    pattern:
      /\b(?:African|European|Arab|Asian|Gulf|Latin American|world|regional)\s+(?:leaders|states|nations|governments|ministers)\b/gu,
    kind: "GROUP",
  },
  {
    // "the Muslim north", "the Kurdish east": a region named by who lives there, as a side.
    pattern:
      /\b(?<=\bthe\s)\p{Lu}\p{Ll}+\s(?:north|south|east|west|northeast|northwest|southeast|southwest)\b/gu,
    kind: "GROUP",
  },
  {
    // "the pro-Beijing camp", "pro-democracy candidates", "pro-government forces": a side named
    // by what it stands for.
    pattern:
      /\b[Pp]ro-\p{L}+\s+(?:camp|candidates|lawmakers|legislators|activists|supporters|protesters|demonstrators|forces|fighters|militias|groups|parties|separatists|rebels)\b/gu,
    kind: "GROUP",
  },
  {
    // "members of the public", "thousands of people": a crowd that takes part.
    pattern:
      /\b(?:members of the public|(?:thousands|hundreds|tens of thousands|millions) of (?:people|protesters|demonstrators|supporters|civilians|residents))\b/giu,
    kind: "GROUP",
  },
  {
    pattern:
      /\b(?:(?:counter-)?protesters|demonstrators|rebel forces|rebels|militants|insurgents|separatists|hostages|human rights groups|humanitarian (?:workers|organizations|groups)|aid workers|the international community|allies and partners|partners and allies|(?<=\b(?:our|its|their|international|regional)\s)(?:allies|partners))\b/giu,
    kind: "GROUP",
  },
];

/**
 * "Azerbaijan's foreign ministry", "the Iranian defence ministry": a state's ministry;
 * "Johnson's government", "Biden's administration": a leader's government.
 */
const LOWER_MINISTRY =
  /\b(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?:(?:[’']s)?\s+(?:foreign|defen[cs]e|interior|finance|justice|economy|health|trade|foreign affairs)\s+ministry|[’']s\s+(?:government|administration))\b/gu;

function ministriesInLowerCase(body: string, mentions: Mention[], tokens: Token[]) {
  for (const match of body.matchAll(LOWER_MINISTRY)) {
    const entry = ENTRIES.get(match[1] as string);
    const leader = /[’']s\s+(?:government|administration)$/u.test(match[0]);
    if (entry?.kind !== "COUNTRY" && !leader) continue;
    const start = match.index;
    const end = start + match[0].length;
    // The ministry replaces the state word inside it: it is the ministry that acts. A leader
    // stays a person of their own ("Netanyahu's government" names Netanyahu too).
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.start >= start && m.end <= end && !(leader && m.kind === "PERSON"))
        mentions.splice(i, 1);
    }
    const name = match[1] as string;
    if (leader && entry === undefined && !mentions.some((m) => m.start === start))
      mentions.push({
        start,
        end: start + name.length,
        text: name,
        kind: "PERSON",
        canonical: null,
        source: "name",
        locative: false,
        sentence: tokens[firstAtOrAfter(tokens, start)]?.sentence ?? 0,
      });
    const text = body.slice(start, end);
    mentions.push({
      start,
      end,
      text,
      kind: "GOVERNMENT",
      canonical: null,
      source: "organization",
      locative: false,
      sentence: tokens[firstAtOrAfter(tokens, start)]?.sentence ?? 0,
    });
  }
}

/**
 * "the Trump administration", "the Hong Kong government": a government known by its leader or
 * territory; "the government of Yemen", "the government of President Hadi": one known by what
 * follows. The state inside is the government's; a person inside stays a person.
 */
const NAMED_GOVERNMENT =
  /\b[Tt]he\s+(?:(\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,2})\s+(?:government|administration)\b|(?:government|administration)\s+of\s+(?:(?:mainland|President|Prime\s+Minister)\s+)?\p{Lu}[\p{L}’'-]*(?:\s\p{Lu}[\p{L}’'-]*){0,3})/gu;

function governmentsInLowerCase(body: string, mentions: Mention[], tokens: Token[]) {
  for (const match of body.matchAll(NAMED_GOVERNMENT)) {
    const leader = match[1];
    // "the U.S. government", "the Mexican government": a state's, found with its demonym.
    if (
      leader !== undefined &&
      (ENTRIES.has(leader) || NOT_NAMES.has(leader.split(" ")[0] as string))
    )
      continue;
    const start = match.index + (leader !== undefined ? match[0].indexOf(leader) : 0);
    const end = match.index + match[0].length;
    if (mentions.some((m) => m.start < end && start < m.end && m.kind === "GOVERNMENT")) continue;
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.start >= start && m.end <= end && m.kind !== "PERSON") mentions.splice(i, 1);
    }
    mentions.push({
      start,
      end,
      text: body.slice(start, end),
      kind: "GOVERNMENT",
      canonical: null,
      source: "organization",
      locative: false,
      sentence: tokens[firstAtOrAfter(tokens, start)]?.sentence ?? 0,
    });
  }
}

// "in nations including Denmark, France and the Netherlands", "destinations such as Spain":
// states given as examples of places.
const PLACE_EXAMPLES =
  /(?:\b(?:in|to|into|across|throughout|from)\s+(?:\p{Ll}+\s+)?(?:countries|nations|states|cities|places|capitals|territories)|\bdestinations),?\s+(?:including|such\s+as|like)\s+(?:the\s+)?$/u;
const LIST_GAP = /^(?:,\s+|,?\s+and\s+|,?\s+or\s+)(?:the\s+)?$/u;

/**
 * States listed together share the first one's role: "in Kenya, Uganda and Tanzania" locates
 * all three, and so does a list of example places ("destinations including Spain, Greece").
 */
function locateLists(mentions: Mention[], body: string) {
  const states = mentions
    .filter((m) => m.kind === "COUNTRY" && m.source === "gazetteer")
    .sort((a, b) => a.start - b.start);
  let head: Mention | null = null;
  let previous: Mention | null = null;
  for (const m of states) {
    const listed =
      previous !== null &&
      previous.sentence === m.sentence &&
      LIST_GAP.test(body.slice(previous.end, m.start));
    if (!listed) {
      head = m;
      if (PLACE_EXAMPLES.test(body.slice(Math.max(0, m.start - 60), m.start))) m.locative = true;
    } else if (head?.locative) m.locative = true;
    previous = m;
  }
}

/**
 * Whether "a" or "an" opens the phrase that token i heads, past up to two modifiers ("a
 * U.S.-designated Foreign Terrorist Organization", "an obscure Rebel Front").
 */
function afterIndefiniteArticle(tokens: Token[], i: number): boolean {
  let words = 0;
  for (let k = i - 1; k >= 0 && words <= 2; k--) {
    const t = tokens[k] as Token;
    if (/^(?:a|an)$/u.test(t.text)) return true;
    const dashed = DASH.test(t.text) || DASH.test(tokens[k + 1]?.text ?? "");
    if (dashed) continue;
    if (!/\p{Ll}/u.test(t.text) || /^(?:the|this|that|its|his|her|their|of)$/iu.test(t.text))
      return false;
    words++;
  }
  return false;
}

/** Up to n lower-cased words right before token i in its sentence, nearest first. */
function precedingWords(tokens: Token[], i: number, n: number): string[] {
  const out: string[] = [];
  const sentence = tokens[i]?.sentence;
  for (let k = i - 1; k >= 0 && out.length < n && tokens[k]?.sentence === sentence; k--)
    out.push((tokens[k] as Token).text.toLowerCase());
  return out;
}

// Definite descriptions that refer back to an actor named earlier.
const DESCRIPTION =
  /\b[Tt]he\s+(ministry|department|government|agency|kremlin|court|vice president|president|queen|king|spokesman|spokeswoman|spokesperson|minister|prime minister|foreign minister|secretary|chancellor|commissioner|chairperson|chairman|envoy|ambassador|council|committee|commission|organization|alliance|military|army|embassy|office|administration)\b/giu;

// "his administration", "this government": the executive of someone named before.
const OWN_EXECUTIVE =
  /\b(?:[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s+(government|administration)\b/gu;

const DESCRIPTION_KIND: Record<string, ActorKind> = {
  president: "PERSON",
  "vice president": "PERSON",
  queen: "PERSON",
  king: "PERSON",
  secretary: "PERSON",
  chancellor: "PERSON",
  "prime minister": "PERSON",
  "foreign minister": "PERSON",
  commissioner: "PERSON",
  chairperson: "PERSON",
  chairman: "PERSON",
  envoy: "PERSON",
  ambassador: "PERSON",
  spokesman: "PERSON",
  spokeswoman: "PERSON",
  spokesperson: "PERSON",
  minister: "PERSON",
  council: "ORGANIZATION",
  committee: "ORGANIZATION",
  commission: "ORGANIZATION",
  organization: "ORGANIZATION",
  alliance: "ORGANIZATION",
  military: "ORGANIZATION",
  army: "ORGANIZATION",
};

// "el-Sisi", "al-Assad": an Arabic article before a capital still makes a name.
const isCapitalized = (text: string) =>
  /^[\p{Lu}][\p{L}\p{M}.'’-]*$/u.test(text) ||
  /^(?:al|el|ad|as|ash|an|ar|at|az)-\p{Lu}/u.test(text);
const isAcronym = (text: string) => /^(?:[\p{Lu}]\.?){2,6}$/u.test(text);

export function findMentions(analysis: Analysis): Mention[] {
  const { body, tokens, sentences } = analysis;
  const mentions: Mention[] = [];
  const make = (
    first: number,
    last: number,
    kind: ActorKind,
    source: Mention["source"],
    canonical: string | null = null,
  ): Mention => {
    const a = tokens[first] as Token;
    const b = tokens[last] as Token;
    // "in northeast Syria", "across southern Lebanon": a direction is part of the place.
    let direction = COMPASS.test(tokens[first - 1]?.text ?? "") ? 1 : 0;
    // "in both eastern Syria and Iraq": a pairing word before the place.
    if (/^(?:both|either)$/iu.test(tokens[first - 1 - direction]?.text ?? "")) direction++;
    const before = tokens[first - 1 - direction];
    const sameSentence = before !== undefined && before.sentence === a.sentence;
    // "in Nairobi, Kenya": the state after a located place locates too.
    const afterPlace =
      sameSentence &&
      before.text === "," &&
      LOCATIVE.has((tokens[first - 3]?.text ?? "").toLowerCase());
    // A capital after "to"/"from" is a destination; a state there is still usually an actor
    // ("support to Ukraine"), so states only count as located after "in", "at" and the like.
    const entry = ENTRIES.get(body.slice(a.start, b.end));
    const usState = entry !== undefined && US_STATE_NAMES.has(entry.canonical);
    // "a couple from Florida": a US state after "from" or "to" is where, like a city.
    const prepositions = entry?.capital === false && !usState ? PLACE_ONLY : LOCATIVE;
    // "the Minsk agreement", "the Istanbul talks": a city naming a thing is a place.
    const after = tokens[last + 1];
    // "the Nevada caucuses", "the South Carolina primary" too: a US state before a common noun.
    const modifier =
      (entry?.capital === true || usState) &&
      after !== undefined &&
      (after.pos === "NOUN" || (after.pos === "ADJ" && usState)) &&
      /^\p{Ll}/u.test(after.text) &&
      GROUP_NOUNS[after.text] === undefined;
    // "returned to Thailand", "back to the United States", "its border with Mexico".
    const lead = precedingWords(tokens, first, 3).filter((w) => w !== "the");
    const destination =
      (lead[0] === "to" && MOVEMENT.test(lead[1] ?? "")) ||
      (lead[0] === "with" && /^borders?$/u.test(lead[1] ?? ""));
    // "Afghanistan's Maidan Wardak province": a state whose place is named only locates it.
    const placeOwner =
      entry?.kind === "COUNTRY" &&
      !entry.demonym &&
      PLACE_OF_STATE.test(body.slice(b.end, b.end + 50));
    // "the Yemen-based Houthi movement": where a body is based, not an actor.
    const based = /^[-–](?:based|born|bred)\b/u.test(body.slice(b.end, b.end + 7));
    // "the Northern District of Ohio", "Senator Sherrod Brown of Ohio": a US state after "of"
    // says where a body or person belongs; "the state of Wisconsin" is the state itself.
    const ofState =
      usState && before?.text === "of" && !/^state$/iu.test(tokens[first - 2]?.text ?? "");
    const locative =
      ofState ||
      based ||
      (sameSentence && prepositions.has(before.text.toLowerCase())) ||
      afterPlace ||
      modifier ||
      destination ||
      placeOwner;
    return {
      start: a.start,
      end: b.end,
      text: body.slice(a.start, b.end),
      kind,
      canonical,
      source,
      locative,
      sentence: a.sentence,
    };
  };

  for (const sentence of sentences) {
    let i = sentence.firstToken;
    while (i < sentence.endToken) {
      const run = capitalizedRun(tokens, i, sentence.firstToken, sentence.endToken);
      if (run === null) {
        i++;
        continue;
      }
      for (const m of classifyRun(tokens, run.first, run.last, make)) mentions.push(m);
      i = run.last + 1;
    }
  }
  joinCoordinatedDemonyms(mentions, body);
  for (const m of mentions) {
    if (m.kind === "PERSON") {
      m.preceding = body.slice(Math.max(0, m.start - 60), m.start).toLowerCase();
      m.accused = ACCUSED_AFTER.test(body.slice(m.end, m.end + 120));
    }
    const next = tokens[firstAtOrAfter(tokens, m.end)];
    if (next && CUE_VERBS.has(next.text.toLowerCase())) m.speaker = true;
  }
  const evidenced = dropThingAcronyms(requirePersonEvidence(mentions, body, tokens), body);
  mentions.length = 0;
  mentions.push(...evidenced.map((m) => withLeadingThe(m, body)));
  locateLists(mentions, body);
  mentions.push(...descriptionMentions(analysis, mentions));
  ministriesInLowerCase(body, mentions, tokens);
  governmentsInLowerCase(body, mentions, tokens);
  mentions.push(...describedActors(analysis, mentions));
  mentions.push(...titledPublications(analysis, mentions));
  // A wire dateline never gets here: the pipeline blanks it first (dateline.ts).
  return mentions.sort((x, y) => x.start - y.start || y.end - x.end);
}

// "told The Atlantic", "an interview with The Hill": inside a sentence, after a lower-case word
// or a comma, a capitalized "The" opens the title of a paper or magazine.
const TITLED_PUBLICATION = /(?<=[\p{Ll},] )The(?: \p{Lu}[\p{L}’'-]+){1,4}(?![\p{L}-])/gu;
const PRESS_CONTEXT =
  /\b(?:told|tells|wrote in|writing in|published in|reported in|interview with|according to|cited by|quoted by|quoted in|reported by|in an? (?:op-ed|article|column|editorial) (?:in|for))\s+$/u;

/** Papers and magazines known by a title with "The" that the gazetteer does not hold. */
function titledPublications(analysis: Analysis, taken: Mention[]): Mention[] {
  const { body, tokens } = analysis;
  const out: Mention[] = [];
  for (const match of body.matchAll(TITLED_PUBLICATION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((m) => m.start < end && start < m.end)) continue;
    // Only where a publication is expected: "told The Atlantic", "wrote in The Spectator",
    // "according to The Hill"; "read The Great Gatsby" names a book.
    if (!PRESS_CONTEXT.test(body.slice(Math.max(0, start - 30), start))) continue;
    // "The Hague", "The Gambia": places whose names hold "The".
    if (ENTRIES.has(match[0]) || ENTRIES.has(match[0].slice(4))) continue;
    out.push({
      start,
      end,
      text: match[0],
      kind: "MEDIA",
      canonical: null,
      source: "organization",
      locative: false,
      sentence: tokens[firstAtOrAfter(tokens, start)]?.sentence ?? 0,
    });
  }
  return out;
}

/**
 * "Israeli and Lebanese civilians": demonyms joined by "and" before a group noun name one group
 * of both peoples, not the first state and a group of the second.
 */
function joinCoordinatedDemonyms(mentions: Mention[], body: string) {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const [demonym, group] = [mentions[i] as Mention, mentions[i + 1] as Mention];
    if (demonym.source !== "demonym" || group.source !== "demonym-group") continue;
    if (!/^,?\s+and\s+$/u.test(body.slice(demonym.end, group.start))) continue;
    mentions.splice(i, 2, {
      ...group,
      start: demonym.start,
      text: body.slice(demonym.start, group.end),
      sentence: demonym.sentence,
    });
  }
}

// "Brenton Tarrant, aged 28, appeared in court, charged with murder", "X was arrested": a person
// the text accuses, within the sentence after the name.
// Not when someone speaks first ("Ardern said a man had been charged"): the speaker reports it.
const ACCUSED_AFTER =
  /^(?:(?!\b(?:said|says|told|added|announced|stated|confirmed|reported|according)\b)[^.;]){0,100}?\b(?:charged with|accused of|(?:was|were|been|being) arrested|indicted|convicted of|pleaded (?:guilty|not guilty))\b/u;

/**
 * "The Washington Post": a capitalized "The" inside a sentence is part of a paper's or
 * broadcaster's name; opening a sentence it only is when the gazetteer's name holds it.
 */
function withLeadingThe(m: Mention, body: string): Mention {
  if (m.kind !== "MEDIA" || body.slice(m.start - 4, m.start) !== "The ") return m;
  const sentenceInitial = /(?:^|[.!?:"“\n]\s*)$/u.test(body.slice(0, m.start - 4));
  if (sentenceInitial && !m.canonical?.startsWith("The ")) return m;
  return { ...m, start: m.start - 4, text: body.slice(m.start - 4, m.end) };
}

/**
 * "the African Continental Free Trade Area (AfCFTA)": an acronym introduced for a name that is
 * no actor (a treaty, a zone, a law) is no actor either, wherever it recurs.
 */
function dropThingAcronyms(mentions: Mention[], body: string): Mention[] {
  const things = new Set<string>();
  for (const match of body.matchAll(
    /((?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,8})\((\p{Lu}[\p{L}.-]{1,9})\)/gu,
  )) {
    const start = match.index;
    const end = start + (match[1] as string).trimEnd().length;
    const named = mentions.some((m) => m.start < end && start < m.end);
    if (!named) things.add(match[2] as string);
  }
  if (things.size === 0) return mentions;
  return mentions.filter((m) => m.source !== "name" || !things.has(m.text));
}

const DASH = /^[-–]$/u;
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az)$/u;

/** Whether tokens[k] is a dash touching the words on both sides, the one after capitalized. */
function dashJoinsCapitalized(tokens: Token[], k: number): boolean {
  const [before, dash, after] = [tokens[k - 1], tokens[k], tokens[k + 1]];
  return (
    before !== undefined &&
    dash !== undefined &&
    after !== undefined &&
    DASH.test(dash.text) &&
    dash.start === before.end &&
    after.start === dash.end &&
    isCapitalized(after.text)
  );
}

// Lower-case words after a dash that make a compound, not a syllable of a name ("Saudi-led").
const COMPOUND_WORDS = new Set(
  "led run era born held made wide like type free rich size bred fed sea air war up in out off on based style".split(
    " ",
  ),
);

/**
 * When tokens[j] is a dash touching a capitalized word before and a short lower-case word after
 * ("Chan" "-" "o" "-" "cha"), the index of the last syllable of the chain; else j - 1.
 */
function dashedSyllables(tokens: Token[], j: number): number {
  let end = j - 1;
  let k = j;
  if (!isCapitalized(tokens[j - 1]?.text ?? "")) return end;
  for (;;) {
    const [prev, dash, part] = [tokens[k - 1], tokens[k], tokens[k + 1]];
    if (prev === undefined || dash === undefined || part === undefined) break;
    if (!DASH.test(dash.text) || dash.start !== prev.end || part.start !== dash.end) break;
    if (!/^\p{Ll}{1,4}$/u.test(part.text) || COMPOUND_WORDS.has(part.text)) break;
    end = k + 1;
    k += 2;
  }
  return end;
}

/** The maximal run of name-like tokens starting at i, or null when token i starts none. */
function capitalizedRun(
  tokens: Token[],
  i: number,
  sentenceStart: number,
  sentenceEnd: number,
): { first: number; last: number } | null {
  const start = tokens[i] as Token;
  // "al-Masirah TV": an Arabic article dashed to a capitalized name opens the name.
  const arabicArticle = ARABIC_ARTICLE.test(start.text) && dashJoinsCapitalized(tokens, i + 1);
  if (!arabicArticle && !startsName(start, i === sentenceStart)) return null;
  let last = knownNameEnd(tokens, i, sentenceEnd);
  let j = last + 1;
  while (j < sentenceEnd) {
    const t = tokens[j] as Token;
    const prev = tokens[j - 1] as Token;
    // "Joseph R. Biden, Jr.": a generational suffix after a comma is part of the name.
    const suffix = tokens[j + 1];
    if (
      t.text === "," &&
      t.start === prev.end &&
      suffix !== undefined &&
      suffix.start === t.end + 1 &&
      /^(?:Jr|Sr)\.?$/u.test(suffix.text)
    ) {
      last = j + 1;
      j += 2;
      continue;
    }
    // Names do not run across punctuation or line breaks: words are one space apart.
    if (analysisGap(prev, t) && !DASH.test(t.text) && !DASH.test(prev.text)) break;
    // "Prayuth Chan-o-cha", "Kim Jong-un": short lower-case syllables dashed to a name.
    const syllablesEnd = dashedSyllables(tokens, j);
    if (syllablesEnd > j) {
      last = syllablesEnd;
      j = syllablesEnd + 1;
      continue;
    }
    if (isCapitalized(t.text) || isAcronym(t.text)) {
      if (NOT_NAMES.has(t.text) && !PERSON_TITLES.has(t.text) && !surnameMay(tokens, j)) break;
      last = j;
      j++;
      continue;
    }
    // 'Benjamin “Benny” Gantz': a nickname in quotes inside a name.
    const nick = tokens[j + 1];
    const close = tokens[j + 2];
    const surname = tokens[j + 3];
    if (
      /^[“"]$/u.test(t.text) &&
      nick !== undefined &&
      nick.start === t.end &&
      isCapitalized(nick.text) &&
      close !== undefined &&
      /^[”"]$/u.test(close.text) &&
      close.start === nick.end &&
      surname !== undefined &&
      surname.start === close.end + 1 &&
      isCapitalized(surname.text)
    ) {
      last = j + 3;
      j += 4;
      continue;
    }
    // "Export–Import Bank" (a dash between capitalized words) and "Abdel Fattah el-Sisi" (an
    // Arabic article dashed to a capitalized name).
    const dashAt = DASH.test(t.text) ? j : ARABIC_ARTICLE.test(t.text) ? j + 1 : -1;
    if (dashAt >= 0 && dashJoinsCapitalized(tokens, dashAt)) {
      last = dashAt + 1;
      j = dashAt + 2;
      continue;
    }
    // "the U.S. Embassy in Baghdad": a mission is named by the city it sits in.
    if (
      t.text === "in" &&
      /^(?:Embassy|Consulate|Consulate-General)$/u.test(prev.text) &&
      isCapitalized(tokens[j + 1]?.text ?? "") &&
      !analysisGap(t, tokens[j + 1] as Token)
    ) {
      last = j + 1;
      j += 2;
      continue;
    }
    // "Ministry of Defense", "Department of the Treasury": connectors inside a name.
    let k = j;
    while (k < sentenceEnd && k - j < 2 && CONNECTORS.has((tokens[k] as Token).text)) k++;
    const next = tokens[k];
    if (
      k > j &&
      (t.text !== "and" || andInsideName(tokens, i, j, k, sentenceEnd)) &&
      next !== undefined &&
      k < sentenceEnd &&
      !analysisGap(tokens[k - 1] as Token, next) &&
      isCapitalized(next.text) &&
      (!NOT_NAMES.has(next.text) || next.text === "The")
    ) {
      j = k;
      continue;
    }
    break;
  }
  return { first: i, last };
}

/**
 * "Theresa May is to step down": the month's name as a surname, after a capitalized given name
 * and not before a day's number ("in May 2019" never reaches here: "in" opens no name).
 */
function surnameMay(tokens: Token[], j: number): boolean {
  const prev = tokens[j - 1];
  const next = tokens[j + 1];
  return (
    (tokens[j] as Token).text === "May" &&
    prev !== undefined &&
    /^\p{Lu}\p{Ll}+$/u.test(prev.text) &&
    !NOT_NAMES.has(prev.text) &&
    !(next !== undefined && /^\d/u.test(next.text))
  );
}

/**
 * "Independent Electoral and Boundaries Commission": "and" joins two words of one body's name
 * when only the words after it hold the body's head and those before name nothing on their own
 * ("Egypt and South Sudan", "the Ministry and the Army" stay apart).
 */
function andInsideName(
  tokens: Token[],
  first: number,
  and: number,
  after: number,
  sentenceEnd: number,
): boolean {
  const before = words(tokens, first, and - 1);
  if (before.some((w) => ENTRIES.has(w) || ORGANIZATION_HEADS[w] !== undefined)) return false;
  // "the Democratic and Republican Party's primaries": two parties, each named by its adjective.
  if (before.length === 1 && PARTY_ADJECTIVE.test(before[0] as string)) return false;
  if (ENTRIES.has(before.join(" ")) || before.some((w) => PERSON_TITLES.has(w))) return false;
  // "Biden and Congress", "Trump and the Senate": a lone head after "and" is a body of its own.
  if (after !== and + 1) return false;
  let k = after;
  while (k < sentenceEnd && isCapitalized((tokens[k] as Token).text)) {
    if (ORGANIZATION_HEADS[(tokens[k] as Token).text] !== undefined) return k > after;
    if (analysisGap(tokens[k] as Token, tokens[k + 1] ?? (tokens[k] as Token))) break;
    k++;
  }
  return false;
}

/** True when something other than one plain space separates two tokens. */
function analysisGap(prev: Token, next: Token): boolean {
  return next.start - prev.end !== 1;
}

function startsName(t: Token, sentenceInitial: boolean): boolean {
  if (!(isCapitalized(t.text) || isAcronym(t.text))) return false;
  // "New" inside a sentence opens a name ("the New Progressive Party"); opening one, it is
  // usually the adjective ("New sanctions …").
  if (NOT_NAMES.has(t.text) && !PERSON_TITLES.has(t.text) && (t.text !== "New" || sentenceInitial))
    return false;
  if (sentenceInitial && t.pos !== "PROPN" && !ENTRIES.has(t.text) && !PERSON_TITLES.has(t.text))
    return false;
  return true;
}

/**
 * Where a person's name would start after the titles in a run: past the last title word,
 * title connector, or state or place name ("Chief Executive of Hong Kong Carrie Lam").
 * ws.length when the run ends in one of those.
 */
function titledNameStart(ws: string[]): number {
  let t = ws.length;
  const pair = (t: number) => `${ws[t - 2]} ${ws[t - 1]}`;
  while (
    t > 0 &&
    !TITLE_WORDS.has(ws[t - 1] as string) &&
    !TITLE_LINKS.has(ws[t - 1] as string) &&
    !ENTRIES.has(ws[t - 1] as string) &&
    !(t >= 2 && (ENTRIES.has(pair(t)) || PLACE_PHRASES.has(pair(t))))
  )
    t--;
  return t;
}

/** A word that can be part of a person's name: no body's head, state, place or thing. */
function isPersonWord(w: string): boolean {
  return (
    /^\p{Lu}/u.test(w) &&
    ORGANIZATION_HEADS[w] === undefined &&
    !ENTRIES.has(w) &&
    !NON_STATE_PLACES.has(w) &&
    !NOT_PERSON_WORDS.has(w) &&
    !NOT_NAMES.has(w)
  );
}

type Make = (
  first: number,
  last: number,
  kind: ActorKind,
  source: Mention["source"],
  canonical?: string | null,
) => Mention;

function words(tokens: Token[], first: number, last: number): string[] {
  const out: string[] = [];
  for (let k = first; k <= last; k++) out.push((tokens[k] as Token).text);
  return out;
}

function classifyRun(tokens: Token[], first: number, last: number, make: Make): Mention[] {
  const ws = words(tokens, first, last);
  const whole = ENTRIES.get(phraseOf(tokens, first, last));
  // "US government", "Russia's government" below: a state followed by a body noun is that body.
  if (
    whole &&
    !whole.demonym &&
    !(whole.kind === "COUNTRY" && groupNounAfter(tokens, last) !== null)
  )
    return [make(first, last, whole.kind, "gazetteer", whole.canonical)];

  // "the Democratic party", "the Democratic and Republican parties": a party's adjective with
  // the common noun is the party's own name, "Democratic Party".
  if (
    !whole &&
    ws.length === 1 &&
    PARTY_ADJECTIVE.test(ws[0] as string) &&
    partyNounAfter(tokens, last)
  )
    return [make(first, last, "ORGANIZATION", "organization", `${ws[0]} Party`)];
  // "the ruling Georgian Dream party", "his Azimio coalition": the run names the party.
  if (!whole && PARTY_NOUNS.has(tokens[last + 1]?.text ?? ""))
    return [make(first, last, "ORGANIZATION", "organization")];

  // "Operation Prosperity Guardian" names an operation, not who runs it; "the Paris Agreement",
  // "Rafah Crossing", "Independence Day" name treaties, places and days, whoever they mention.
  if (ws[0] === "Operation" && ws.length > 1) return [];
  if (ws.length > 1 && THING_HEADS.test(ws[ws.length - 1] as string)) return [];
  // "West Bank", "Gaza Strip", "Golan Heights": a place, whatever its last word.
  if (
    PLACE_PHRASES.has(ws.join(" ")) ||
    (NON_STATE_PLACES.has(ws[0] as string) && ws.slice(1).every((w) => NOT_PERSON_WORDS.has(w)))
  )
    return [];

  // "the House voted": alone after "the", the word names a legislature ("House of
  // Representatives", "House of Commons"), not a building (which has a name of its own).
  if (ws.length === 1 && ws[0] === "House" && /^the$/iu.test(tokens[first - 1]?.text ?? ""))
    return [make(first, last, "GOVERNMENT", "organization")];

  // "to New York for the United Nations": "for" joins a name only to a body's own head before
  // it ("Office for Democratic Institutions"); otherwise the two names are apart.
  const forAt = ws.indexOf("for");
  if (forAt > 0) {
    const afterFor = ws[forAt + 1] === "the" ? forAt + 2 : forAt + 1;
    const headBefore = ws.slice(0, forAt).some((w) => ORGANIZATION_HEADS[w] !== undefined);
    if (!headBefore && ENTRIES.has(ws.slice(afterFor).join(" ")))
      return [
        ...classifyRun(tokens, first, first + forAt - 1, make),
        ...classifyRun(tokens, first + afterFor, last, make),
      ];
  }

  // "Department of Defense Chief Spokesperson Jane Roe", "Head of the Presidential
  // Administration of Azerbaijan John Doe": a title that names a body, then a person's name.
  const nameStart = titledNameStart(ws);
  const titledPerson =
    nameStart > 0 &&
    nameStart < ws.length &&
    // "High Commissioner for Human Rights": words after a connector finish the title.
    !TITLE_LINKS.has(ws[nameStart - 1] as string) &&
    ws.slice(0, nameStart).some((w) => TITLE_HEADS.has(w)) &&
    ws.slice(nameStart).every(isPersonWord);

  // An organization: the run holds a head noun ("Ministry", "Council", "Forces").
  for (let k = ws.length - 1; k >= 0; k--) {
    const headKind = ORGANIZATION_HEADS[ws[k] as string];
    if (headKind === undefined) continue;
    if (titledPerson && k < nameStart) break;
    // "Jane Roe of the Labour Party": a person's name, then the body they belong to.
    const ofAt = ws.indexOf("of");
    if (
      ofAt >= 2 &&
      ofAt < k &&
      ws.slice(0, ofAt).every((w) => isPersonWord(w) && !TITLE_WORDS.has(w))
    ) {
      const bodyFrom = ws[ofAt + 1] === "the" ? ofAt + 2 : ofAt + 1;
      return [
        ...classifyRun(tokens, first, first + ofAt - 1, make),
        ...classifyRun(tokens, first + bodyFrom, last, make),
      ];
    }
    // "News of the ceasefire came …": a head word alone opening a sentence is a common noun;
    // "the Court", "the Council" elsewhere refer back to a body named in full (descriptions).
    // "two Cabinet officers", "Parliament members": a lone head before a common noun
    // modifies it.
    const next = tokens[last + 1];
    const modifies =
      next !== undefined &&
      next.start === (tokens[last] as Token).end + 1 &&
      /^\p{Ll}+s$/u.test(next.text) &&
      next.pos === "NOUN";
    if (
      ws.length === 1 &&
      (!LONE_HEADS.has(ws[0] as string) ||
        modifies ||
        (tokens[first - 1]?.sentence ?? -1) !== (tokens[first] as Token).sentence)
    )
      return [];
    // "Defense Minister Pavlo ..." is not a ministry; a head ends the run or precedes "of".
    const endsName = k === ws.length - 1 || ["of", "on", "for", "in"].includes(ws[k + 1] as string);
    if (!endsName) continue;
    let from = first;
    // A leading title ("President") belongs to a person, not to the organization.
    // "Interior Ministry", "Defense Department": a title word right before the head is the
    // body's own name, not a person's title.
    while (
      from < first + k - 1 &&
      PERSON_TITLES.has(ws[from - first] as string) &&
      !ENTRIES.get(ws[from - first] as string)
    )
      from++;
    // A connector before the name is not part of it, unless dashed to it ("al-Masirah TV").
    while (
      from < first + k &&
      CONNECTORS.has(ws[from - first] as string) &&
      !DASH.test(ws[from - first + 1] as string)
    )
      from++;
    // A national body ("National Security Council") belongs to a government.
    const lead = ws.slice(from - first);
    // "Central Bank of the Russian Federation": a body "of" a state is that state's.
    const tail = ws.slice(k + 2).filter((w) => w !== "the");
    const ofState =
      ws[k + 1] === "of" && ENTRIES.get(tail.join(" "))?.kind === "COUNTRY" && tail.length > 0;
    const stateBody = lead[0] === "National" || lead[0] === "Central" || ofState;
    const national =
      stateBody ||
      [1, 2, 3].some((n) => {
        const entry = ENTRIES.get(lead.slice(0, n).join(" "));
        // "Wisconsin Elections Commission": a US state's body is its government's too.
        return entry?.kind === "COUNTRY" || US_STATE_NAMES.has(entry?.canonical ?? "");
      });
    // A body of an international organization ("United Nations General Assembly", "Office of
    // the UN High Commissioner") or one named international ("International Court of Justice")
    // is not a government, whatever its head noun.
    // "European Court of Justice", "African Development Bank": a continent's body is
    // international.
    const international =
      /^(?:International|European|African|Asian|Arab|Inter-American|Pan-American|World|Global)$/u.test(
        lead[0] as string,
      ) ||
      [1, 2, 3].some(
        (n) =>
          ENTRIES.get(lead.slice(0, n).join(" "))?.kind === "ORGANIZATION" ||
          (ws[k + 1] === "of" && ENTRIES.get(tail.slice(0, n).join(" "))?.kind === "ORGANIZATION"),
      );
    // "House Judiciary Committee", "Senate Foreign Relations Committee": a legislature's own
    // committee is part of the state.
    const legislative =
      /^(?:House|Senate|Congressional|Parliamentary|Parliament|Legislative)$/u.test(
        lead[0] as string,
      );
    // "Center for Investigative Journalism", "Broadcasting Corporation": a newsroom.
    // "Saudi Press Agency", "Korean Central News Agency": a news agency, whoever owns it.
    const kind = /\b(?:Journalism|Reporting|Broadcasting|(?:Press|News) Agency)\b/u.test(
      ws.join(" "),
    )
      ? "MEDIA"
      : international
        ? "ORGANIZATION"
        : (national || legislative) &&
            headKind === "ORGANIZATION" &&
            !CIVIL_HEADS.has(ws[k] as string) &&
            !ARMED_FORCES.test(ws.join(" ")) &&
            (stateBody || !/Bank|Fund/u.test(ws.join(" ")))
          ? "GOVERNMENT"
          : headKind;
    const mention = make(from, last, kind, "organization");
    // "a U.S.-designated Foreign Terrorist Organization": after "a", a category, not a body.
    if (afterIndefiniteArticle(tokens, from)) return [];
    return [mention];
  }

  // "President Zelenskyy of Ukraine": a titled person, then the state they serve.
  const of = ws.indexOf("of");
  if (
    of > 1 &&
    ws.slice(0, of).some((w) => TITLE_HEADS.has(w)) &&
    !TITLE_WORDS.has(ws[of - 1] as string)
  ) {
    // "Council Secretary Jane Roe of Armenia": the title may name a body of its own.
    const person = classifyRun(tokens, first, first + of - 1, make);
    if (person.at(-1)?.kind === "PERSON") {
      return [...person, ...classifyRun(tokens, first + of + 1, last, make)];
    }
  }

  // A person after a title: "Russian President Vladimir Putin", "Secretary of State Colin
  // Powell": the name is the run's tail after the last title word.
  let t = titledNameStart(ws);
  // "Minister of Defense Israel Katz": a state's name between a title and a lone surname is
  // the person's given name.
  const givenName =
    t >= 2 &&
    t === ws.length - 1 &&
    ENTRIES.get(ws[t - 1] as string)?.kind === "COUNTRY" &&
    TITLE_WORDS.has(ws[t - 2] as string) &&
    !ENTRIES.has(ws[t] as string);
  if (givenName) t--;
  const titled = ws.slice(0, t).some((w) => TITLE_HEADS.has(w));
  if (
    titled &&
    t < ws.length &&
    // "Attorney for the Western District of Texas": after a connector, the title goes on.
    !TITLE_LINKS.has(ws[t - 1] as string) &&
    ws
      .slice(givenName ? t + 1 : t)
      .every((w) => !ENTRIES.has(w) && !NON_STATE_PLACES.has(w) && !NOT_PERSON_WORDS.has(w))
  ) {
    // "Queen Elizabeth II", "Pope Francis": a monarch's or pope's title is part of a name that
    // is one word (and a numeral); "Crown Prince Mohammed bin Salman" has a name of its own.
    const regnal =
      /^(?:King|Queen|Pope|Prince|Princess|Emperor|Empress)$/u.test(ws[t - 1] as string) &&
      ws[t - 2] !== "Crown" &&
      /^\S+(?:\s[IVX]+)?$/u.test(ws.slice(t).join(" "));
    const person = make(first + t - (regnal ? 1 : 0), last, "PERSON", "title-person");
    const titled = make(first, last, "PERSON", "title-person");
    // "European Council President Charles Michel", "Foreign Ministry Spokesperson Maria
    // Zakharova": the body named in the title is an actor too.
    const head = ws.slice(0, t).findLastIndex((w) => ORGANIZATION_HEADS[w] !== undefined);
    const body =
      head >= 0 && ws.slice(head + 1, t).every((w) => TITLE_WORDS.has(w))
        ? classifyRun(tokens, first, first + head, make).filter((m) => m.kind !== "PERSON")
        : [];
    return [...body, { ...person, titledForm: titled.text }];
  }

  // Otherwise split the run into gazetteer phrases and leftover names.
  const out: Mention[] = [];
  let k = first;
  let pendingFrom = -1;
  const flush = (upTo: number) => {
    // A leftover never starts or ends on a connector ("Muhammadu Buhari of" + Nigeria).
    while (
      pendingFrom >= 0 &&
      pendingFrom <= upTo &&
      CONNECTORS.has((tokens[pendingFrom] as Token).text)
    )
      pendingFrom++;
    while (upTo >= pendingFrom && pendingFrom >= 0 && CONNECTORS.has((tokens[upTo] as Token).text))
      upTo--;
    const wholeUpTo = upTo;
    // "Patrice Talon of Cotonou": a name, then where the person is from.
    for (let k = pendingFrom + 1; pendingFrom >= 0 && k < upTo; k++) {
      if ((tokens[k] as Token).text === "of") {
        upTo = k - 1;
        break;
      }
    }
    if (pendingFrom < 0 || upTo < pendingFrom) {
      pendingFrom = -1;
      return;
    }
    const names = words(tokens, pendingFrom, upTo);
    const isPlace = names.some((w) => NON_STATE_PLACES.has(w) || NOT_PERSON_WORDS.has(w));
    // "the Hagia Sophia": a name after an article is a thing or place, not a person.
    const afterArticle = /^(?:the|a|an)$/iu.test(tokens[pendingFrom - 1]?.text ?? "");
    // "Christians", "Britons", "Shiites": a capitalized plural of a people or faith is a group.
    const plural =
      names.length === 1 &&
      /^\p{Lu}\p{Ll}+(?:ians|eans|(?<!i)ons|ists|ites|ims)$/u.test(names[0] as string);
    // "I WON THIS ELECTION, BY A LOT!": capitals around the word are shouting, not an acronym;
    // "#MAGA" is a hashtag.
    const allCaps = (t: Token | undefined) => t !== undefined && /^\p{Lu}{2,}$/u.test(t.text);
    // Only a neighbour one space away ("WON THIS ELECTION, BY A LOT"): "the KDP and PUK" are
    // two acronyms.
    const shouting =
      (allCaps(tokens[pendingFrom - 1]) &&
        (tokens[pendingFrom - 1] as Token).end + 1 === (tokens[pendingFrom] as Token).start) ||
      (/^\p{Lu}+$/u.test(tokens[upTo + 1]?.text ?? "") &&
        (tokens[upTo] as Token).end + 1 === (tokens[upTo + 1] as Token).start) ||
      tokens[pendingFrom - 1]?.text === "#";
    const acronymShaped = names.every((w) => /^[\p{Lu}.]+$/u.test(w));
    const acronym =
      names.length === 1 &&
      !shouting &&
      !/^[IVXLC]+$/u.test(names[0] as string) &&
      (isAcronym(names[0] as string) || /^\p{Lu}\p{L}*\p{Lu}\p{L}*$/u.test(names[0] as string));
    const allTitles = names.every(
      (w) => PERSON_TITLES.has(w) || NOT_NAMES.has(w) || ADJECTIVES_ALONE.has(w),
    );
    // "talks in Villa Borsig": a name after "in" or "at" is where, not who.
    const located = /^(?:in|at|near|inside|outside)$/iu.test(tokens[pendingFrom - 1]?.text ?? "");
    // "according to the National Conference of State Legislatures", "The World Population Review
    // estimated": a name after "the" that is a source or says something is a body, not a thing.
    // The whole run: "of" inside a body's name does not cut it.
    const wholeNames = words(tokens, pendingFrom, wholeUpTo);
    const lastWord = wholeNames.at(-1) as string;
    const source =
      /^the$/iu.test(tokens[pendingFrom - 1]?.text ?? "") &&
      wholeNames.length >= 2 &&
      !allTitles &&
      !NON_STATE_PLACES.has(lastWord) &&
      !NOT_PERSON_WORDS.has(lastWord) &&
      !THING_HEADS.test(lastWord) &&
      (/\b(?:according to|citing)\s+the\s+$/iu.test(
        tokenWindowText(tokens, pendingFrom - 3, pendingFrom - 1),
      ) ||
        CUE_VERBS.has(tokens[wholeUpTo + 1]?.text.toLowerCase() ?? ""));
    if (source) out.push(make(pendingFrom, wholeUpTo, "ORGANIZATION", "organization"));
    // "the KDP and PUK": an acronym after "the" is a body's.
    else if (afterArticle && acronym && !located)
      out.push(make(pendingFrom, upTo, "ORGANIZATION", "name"));
    else if (!isPlace && !allTitles && !afterArticle && !located && !(shouting && acronymShaped)) {
      const kind = acronym ? "ORGANIZATION" : plural ? "GROUP" : "PERSON";
      out.push(make(pendingFrom, upTo, kind, "name"));
    }
    pendingFrom = -1;
  };
  while (k <= last) {
    let matched = false;
    for (let len = Math.min(LONGEST_ENTRY, last - k + 1); len >= 1; len--) {
      const entry = ENTRIES.get(phraseOf(tokens, k, k + len - 1));
      if (!entry) continue;
      const end = k + len - 1;
      // "Kataeb Hezbollah", "Asaib Ahl al-Haq": an unknown word fused to an armed group's or
      // body's name names a group of its own.
      const fusedWord = tokens[k - 1] as Token;
      if (
        entry.kind === "ORGANIZATION" &&
        !entry.demonym &&
        pendingFrom === k - 1 &&
        !CONNECTORS.has(fusedWord.text) &&
        !PERSON_TITLES.has(fusedWord.text) &&
        !NOT_PERSON_WORDS.has(fusedWord.text) &&
        !NON_STATE_PLACES.has(fusedWord.text)
      ) {
        out.push(make(pendingFrom, end, "ORGANIZATION", "organization"));
        pendingFrom = -1;
        k = end + 1;
        matched = true;
        break;
      }
      flush(k - 1);
      // "Doug Collins of Georgia": the state a person comes from only locates them.
      const lastOut = out.at(-1);
      const origin =
        entry.kind === "COUNTRY" &&
        tokens[k - 1]?.text === "of" &&
        lastOut?.kind === "PERSON" &&
        lastOut.end === (tokens[k - 2] as Token).end;
      if (entry.demonym || (entry.kind === "COUNTRY" && groupNounAfter(tokens, end) !== null))
        out.push(...demonymMention(tokens, k, end, entry, make));
      else {
        const mention = make(k, end, entry.kind, "gazetteer", entry.canonical);
        out.push(origin ? { ...mention, locative: true } : mention);
      }
      k = end + 1;
      matched = true;
      break;
    }
    if (matched) continue;
    if (pendingFrom < 0) pendingFrom = k;
    k++;
  }
  flush(last);
  // "Senator from Vermont Bernie Sanders": a US state right before a person's name says where
  // they are from.
  for (let i = 0; i + 1 < out.length; i++) {
    const state = out[i] as Mention;
    const next = out[i + 1] as Mention;
    if (
      US_STATE_NAMES.has(state.canonical ?? "") &&
      next.kind === "PERSON" &&
      next.start - state.end <= 1
    )
      state.locative = true;
  }
  return withNationalNames(out, tokens);
}

/**
 * "Saudi Aramco", "Qatari Diar": a demonym fused to a name that is no person's (no given name
 * opens it) and no adjective before a noun is part of a company's or body's name.
 */
function withNationalNames(out: Mention[], tokens: Token[]): Mention[] {
  for (let i = 0; i + 1 < out.length; i++) {
    const [demonym, name] = [out[i] as Mention, out[i + 1] as Mention];
    if (demonym.source !== "demonym" || name.source !== "name" || name.kind !== "PERSON") continue;
    if (name.start !== demonym.end + 1 || GIVEN_NAMES.has(name.text.split(" ")[0] as string))
      continue;
    // "a Greek Orthodox church", "the Saudi Arabian ambassador": adjectives before a noun.
    const next = tokens[firstAtOrAfter(tokens, name.end)];
    if (next?.sentence === name.sentence && /^\p{Ll}/u.test(next.text) && next.pos === "NOUN")
      continue;
    out.splice(i, 2, {
      start: demonym.start,
      end: name.end,
      text: `${demonym.text} ${name.text}`,
      kind: "ORGANIZATION",
      canonical: null,
      source: "organization",
      locative: false,
      sentence: demonym.sentence,
    });
  }
  return out;
}

/** The index of a group noun right after token `last` ("U.S. government"), or null. */
function groupNounAfter(tokens: Token[], last: number): number | null {
  let j = last + 1;
  if (
    GROUP_MODIFIERS.has(tokens[j]?.text ?? "") &&
    GROUP_NOUNS[tokens[j + 1]?.text ?? ""] !== undefined
  )
    j++;
  const noun = tokens[j];
  return noun && noun.sentence === tokens[last]?.sentence && GROUP_NOUNS[noun.text] !== undefined
    ? j
    : null;
}

/** "Ukrainian representatives" is a group; a bare "Russian" mentions the state. */
function demonymMention(
  tokens: Token[],
  first: number,
  last: number,
  entry: Entry,
  make: Make,
): Mention[] {
  const j = groupNounAfter(tokens, last);
  const kind = j === null ? undefined : GROUP_NOUNS[(tokens[j] as Token).text];
  if (j !== null && kind !== undefined) return [make(first, j, kind, "demonym-group", null)];
  const source = entry.demonym ? "demonym" : "gazetteer";
  return [make(first, last, "COUNTRY", source, entry.canonical)];
}

function descriptionMentions(analysis: Analysis, named: Mention[]): Mention[] {
  const { body, tokens } = analysis;
  const out: Mention[] = [];
  const covered = (start: number, end: number) =>
    named.some((m) => m.start < end && start < m.end) ||
    out.some((m) => m.start < end && start < m.end);
  const sentenceAt = (offset: number) => {
    const t = tokens[firstAtOrAfter(tokens, offset)];
    return t?.sentence ?? 0;
  };
  /** A described actor at [start, end): no canonical name, not a place unless said so. */
  const described = (
    start: number,
    end: number,
    kind: ActorKind,
    more: Partial<Mention> = {},
  ): Mention => ({
    start,
    end,
    text: body.slice(start, end),
    kind,
    canonical: null,
    source: "description",
    locative: false,
    sentence: sentenceAt(start),
    ...more,
  });
  /** Every match of the pattern that no other mention covers. */
  const uncovered = (pattern: RegExp) =>
    [...body.matchAll(pattern)]
      .map((match) => ({ start: match.index, end: match.index + match[0].length }))
      .filter(({ start, end }) => !covered(start, end));
  for (const { pattern, kind } of DESCRIBED_GROUPS)
    for (const { start, end } of uncovered(pattern)) out.push(described(start, end, kind));
  // "Paul Whelan's family", "Shalit's family", "Trevor's parents": the family of a named person
  // acts as a group; so do the people who work for them ("Fields' lawyers", "Rosselló's
  // staffers").
  for (const match of body.matchAll(
    /\b(?:\p{Lu}[\p{L}-]+\s)?\p{Lu}[\p{L}-]+(?:(?:[’']s|\sfamily's)?\s(?:family|families|relatives|parents)|(?:[’']s|(?<=s)[’'])\s(?:lawyers|attorneys|staffers|aides|advisers|advisors|children|grandchildren|supporters|bodyguards))\b/gu,
  )) {
    // "Meanwhile Shalit's family": a sentence adverb is not part of the name.
    const lead = /^(\p{Lu}[\p{L}-]+)\s/u.exec(match[0]);
    const skip = lead && NOT_NAMES.has(lead[1] as string) ? lead[0].length : 0;
    const start = match.index + skip;
    const end = match.index + match[0].length;
    if (out.some((m) => m.start < end && start < m.end)) continue;
    out.push(described(start, end, "GROUP"));
  }
  // "Paul Whelan and his family": the family of the person just named, known by that name.
  for (const match of body.matchAll(
    /\band\s+(?:his|her|their)\s+(?:family|relatives|parents)\b/gu,
  )) {
    const person = named.find((m) => m.kind === "PERSON" && m.end + 1 === match.index);
    if (person === undefined) continue;
    const start = match.index + match[0].indexOf(" ") + 1;
    const end = match.index + match[0].length;
    const noun = match[0].split(/\s+/u).at(-1) as string;
    const name = person.text.replace(/[’']s$/u, "");
    out.push(described(start, end, "GROUP", { canonical: `${name}'s ${noun}` }));
  }
  // "police said", "told the police": the police of the place reported on act as one body,
  // known by that common noun alone; "police officers", "police brutality" are not it.
  for (const { start, end } of uncovered(BARE_POLICE))
    out.push(described(start, end, "GOVERNMENT", { source: "organization" }));
  // "The Vice President, Mike Pence", "the El Paso mayor", "the Prime Minister of Tunisia": a
  // person described by a title, with up to three words before it naming where or what of.
  // The span ends with the title, so a state or body named after "of" keeps its own mention.
  for (const match of body.matchAll(TITLE_DESCRIPTION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (out.some((m) => m.start < end && start < m.end)) continue;
    // "the President of the United States Donald Trump": the title of a person named after it.
    const personAt = (m: Mention) => m.end - (m.titledForm ?? m.text).length;
    if (named.some((m) => m.kind === "PERSON" && personAt(m) < end && start < m.end)) continue;
    // "the president's office", "the Minister of Defense" are no titled person here (the
    // back-reference pass below may still read "the president" as the president named before).
    if (
      /^(?:[’']s\s+office|\s+of\s+(?:the\s+)?(?:Defen[cs]e|Foreign|State|Justice)\b)/u.test(
        body.slice(end, end + 20),
      )
    )
      continue;
    out.push(described(start, end, "PERSON"));
  }
  for (const match of [...body.matchAll(DESCRIPTION), ...body.matchAll(OWN_EXECUTIVE)]) {
    const start = match.index;
    const end = start + match[0].length;
    // "the Ministry of Defense" is a name, found above; only bare descriptions count here.
    // "the military-to-military talks": a head dashed to more words is a modifier.
    if (covered(start, end) || /^(?:\s+of\b|[-–]\p{L})/u.test(body.slice(end, end + 4))) continue;
    const head = (match[1] as string).toLowerCase();
    out.push(described(start, end, DESCRIPTION_KIND[head] ?? "GOVERNMENT"));
  }
  // "the party" after "the Thai Raksa Chart Party", "the airline" after "Mahan Air": a body
  // named before, by the common noun its name ends with. Only ever joined to such a body.
  const bodyNoun = bodyNounPattern(named);
  for (const { start, end } of bodyNoun ? uncovered(bodyNoun) : []) {
    if (/^\s+of\b/u.test(body.slice(end, end + 4))) continue;
    out.push(described(start, end, "ORGANIZATION", { anaphor: true }));
  }
  // "the federal government", "the central government": the state's executive, named or not.
  for (const { start, end } of uncovered(NATIONAL_GOVERNMENT))
    out.push(described(start, end, "GOVERNMENT"));
  // "the country", "this nation", "the Latin American country", "the kingdom": a state named
  // before. Only ever joined to that state, never an actor of its own.
  for (const { start, end } of uncovered(STATE_DESCRIPTION)) {
    // "in the country", "the country's capital": the state as a place or an owner, which
    // takes part in nothing.
    const locative =
      PLACE_BEFORE_STATE.test(body.slice(Math.max(0, start - 12), start)) ||
      /^[’']s\b/u.test(body.slice(end, end + 3));
    out.push(described(start, end, "COUNTRY", { locative, anaphor: true }));
  }
  // "a gunman", "the suspect", "the suicide bomber": the one person a crime story is about,
  // named or not. "identified the suspect as 21-year-old Jane Roe" names them.
  for (const { start, end } of uncovered(PERPETRATOR)) {
    const as = /^\s+as\s+(?:(?:a|an|the)\s+)?(?:\d+-year-old\s+)?/u.exec(body.slice(end, end + 40));
    const identified =
      as && named.find((m) => m.kind === "PERSON" && m.start === end + as[0].length);
    out.push(described(start, end, "PERSON", { canonical: identified?.text ?? null }));
  }
  // "the soldiers", "these officials": a group named before, by its noun. Only ever joined
  // to that group, never an actor of its own.
  for (const { start, end } of uncovered(GROUP_ANAPHOR))
    out.push(described(start, end, "GROUP", { anaphor: true }));
  return out;
}

const BARE_POLICE =
  /\b(?:[Tt]he\s+)?[Pp]olice\b(?![\p{L}-]|\s+(?:officers?|officials?|chief|chiefs|station|stations|cars?|vans?|vehicles?|brutality|violence|headquarters|commissioner|spokes\w+|complex|custody|lines?|cordon|raids?|reports?|sources?|union|force|department|dogs?|academy|state|tape|escort|records?|investigation)\b)/gu;

/**
 * "the party", "the archive", "the airline": the common nouns that end the names of bodies in
 * the text, as descriptions after "the", "this" or "its" (null when no such name).
 */
function bodyNounPattern(named: Mention[]): RegExp | null {
  const nouns = new Set<string>();
  for (const m of named) {
    if (m.kind === "PERSON" || m.kind === "COUNTRY" || !/\s/u.test(m.text)) continue;
    const last = m.text.split(/\s+/u).at(-1) as string;
    const noun = BODY_NOUNS[last] ?? (ORGANIZATION_HEADS[last] ? last.toLowerCase() : undefined);
    if (noun && /^\p{Ll}+$/u.test(noun)) nouns.add(noun);
  }
  if (nouns.size === 0) return null;
  return new RegExp(
    `\\b(?:[Tt]he|[Tt]his|[Ii]ts)\\s+(?:${[...nouns].join("|")})\\b(?![\\p{L}-])`,
    "gu",
  );
}

/** Last words of bodies' names whose common noun differs: "Mahan Air" is "the airline". */
const BODY_NOUNS: Record<string, string> = {
  Air: "airline",
  Airways: "airline",
  Airlines: "airline",
  Organisation: "organisation",
};

const NATIONAL_GOVERNMENT = /\b[Tt]he\s+(?:federal|central|national)\s+government\b(?![\p{L}-])/gu;

/** The nouns for the one person who carried out an attack or is suspected of it. */
export const PERPETRATOR_NOUN =
  /(?:gunman|shooter|suspect|attacker|assailant|bomber|hijacker|stabber|knifeman)$/u;
const PERPETRATOR =
  /\b(?:[Tt]he|[Aa]n?|[Tt]his)\s+(?:(?:suspected|alleged|lone|suicide|masked|armed|second)\s+)?(?:gunman|shooter|suspect|attacker|assailant|bomber|hijacker|stabber|knifeman)\b(?![\p{L}-])/gu;

// Up to two modifiers ("Latin American", "Catholic-majority", "Gulf") between the determiner
// and the noun; "the country's" stays (the state owns something), "the countryside" does not.
const STATE_DESCRIPTION =
  /\b(?:[Tt]he|[Tt]his|[Oo]ur|[Mm]y)\s+(?:(?:\p{Lu}[\p{L}-]*|\p{Ll}+-\p{Ll}+)\s+){0,2}(?:country|nation|kingdom)\b(?![\p{L}-])/gu;

// Each word of a title in either case of its first letter: "Vice President", "vice president".
const TITLE_ALTERNATIVES = DESCRIBED_TITLES.map((t) =>
  t
    .split(" ")
    .map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join("\\s+"),
).join("|");
// "the acting Prime Minister", "the U.S. Attorney", "the Greek foreign minister": capitalized
// words or a few adjectives of office before the title.
const TITLE_DESCRIPTION = new RegExp(
  `\\b[Tt]he\\s+(?:(?:\\p{Lu}[\\p{L}.’'-]*|acting|incoming|outgoing|interim|current|then|new|deputy)\\s+){0,3}(?:${TITLE_ALTERNATIVES})(?![\\p{L}-])`,
  "gu",
);

/** The title a person description ends with ("the El Paso mayor" → "mayor"), lower case. */
const DESCRIBED_TITLE_END = new RegExp(`(?:${TITLE_ALTERNATIVES})$`, "u");
export function describedTitle(text: string): string | null {
  const match = DESCRIBED_TITLE_END.exec(text.replace(/[’']s$/u, ""));
  return match ? match[0].toLowerCase().replace(/\s+/gu, " ") : null;
}

const PLACE_BEFORE_STATE =
  /\b(?:in|into|inside|within|across|throughout|around|from|leave|left|leaving)\s+$/iu;

const GROUP_ANAPHOR = new RegExp(
  `\\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)\\s+(?:${Object.keys(GROUP_NOUNS)
    .filter((noun) => noun.endsWith("s"))
    .join("|")})\\b`,
  "gu",
);
