// A capitalized run the gazetteer does not know is only called a person with evidence that it
// names one: a common given name, a role noun before it ("opposition leader Raila Odinga"), a
// cue verb next to it ("Odinga said", "said Odinga"), an apposition that describes a person
// (", the billionaire founder", ", who", ", 45,"), or another mention of the same surname. Without
// any, a run holding a body's head word ("Stock Exchange") is that body and anything else
// ("Article II", "Gazprom Neft") is no actor: unknown capitalized words in news are as often
// things, places and companies as people.

import { CUE_VERBS } from "./cues.ts";
import { collectiveKind } from "./described.ts";
import { ORGANIZATION_HEADS } from "./gazetteer.ts";
import { GIVEN_NAMES } from "./given-names.ts";
import { firstAtOrAfter } from "./ranges.ts";
import type { Mention, Token } from "./types.ts";

// Lower-case nouns that, right before a name or in an apposition after it, describe a person.
const ROLE_NOUNS = new Set(
  `leader spokesman spokeswoman spokesperson chief founder co-founder lawyer attorney judge
  justice minister president envoy ambassador official analyst activist journalist reporter
  candidate general commander colonel captain lieutenant sergeant mr mrs ms dr sir dame lady
  senator governor mayor deputy adviser advisor aide economist professor researcher author
  correspondent businessman businesswoman billionaire tycoon chairman chairwoman chair director
  ceo executive archbishop head diplomat negotiator secretary politician lawmaker legislator mp rep sen
  prosecutor defendant suspect victim witness father mother son daughter wife husband brother
  sister cousin uncle aunt nephew niece widow soldier officer commissioner representative
  member speaker whip premier king queen prince princess pope cleric imam rabbi bishop priest
  cardinal sheikh emir president-elect player coach striker singer actor actress writer
  novelist artist student teacher doctor nurse farmer worker owner manager founder-president
  opponent rival ally successor predecessor incumbent challenger nominee marine veteran pilot
  citizen hostage detainee prisoner captive`.split(/\s+/u),
);

// Nouns of occupation by their ending ("drummer", "designer", "seaman", "novelist", "historian").
const OCCUPATION = /^\p{Ll}{3,}(?:er|or|ist|ian|man|woman)$/u;

const MEETING_VERBS = new Set([
  "met",
  "meets",
  "visited",
  "phoned",
  "thanked",
  "greeted",
  "hugged",
  "congratulated",
  "telephoned",
]);

const GROUP_PLURALS =
  /^(?:Protesters|Demonstrators|Rebels|Militants|Insurgents|Separatists|Hostages)$/u;
const MEDIA_WORDS =
  /^(?:TV|Television|Radio|News|Times|Post|Journal|Gazette|Herald|Tribune|Reporter|Insider|Daily|Observer|Chronicle|Magazine|Newspaper|Broadcasting)$/u;
// "the news network RTHK", "television broadcaster PBS", "the daily Kommersant".
const MEDIA_BEFORE =
  /\b(?:newspaper|broadcaster|network|channel|outlet|news agency|press agency|daily|weekly|magazine|tabloid|news site|news website|radio station|tv station|television station)\s+$/iu;
// "Rudaw reported": outlets report; people mostly say.
const REPORT_VERBS = new Set(["reported", "reports", "reporting", "published"]);

/**
 * A name the text presents as a news outlet: after a media noun, or reporting without any sign
 * of a person (a given name, a role noun before it).
 */
function mediaByContext(m: Mention, body: string, tokens: Token[]): boolean {
  const before = body.slice(Math.max(0, m.start - 40), m.start);
  if (MEDIA_BEFORE.test(before)) return true;
  const next = tokens[firstAtOrAfter(tokens, m.end)];
  if (next?.sentence !== m.sentence || !REPORT_VERBS.has(next.text)) return false;
  const words = m.text.split(/\s+/u);
  if (words.some((w) => GIVEN_NAMES.has(w))) return false;
  const word = /([\p{L}-]+)\s+$/u.exec(before)?.[1]?.toLowerCase();
  return word === undefined || !ROLE_NOUNS.has(word);
}
// Words that end a company's or body's name but are not heads of a public body.
const BODY_WORDS =
  /^(?:Exchange|Intelligence|Center|Centre|Holdings|Air|Airlines|Airways|Energy|Petroleum|Oil|Gas|Motors|Partners|Capital|Inc|Corp|Ltd|Limited|Plc|LLC|AG|SA|GmbH|Industries|Systems|Technologies|Media|Network|Society|Federation|Authority|Trust|Institute|Initiative|Project|Watch)$/u;

/**
 * "Kait’ib Sayyid al-Shuhada (KSS)": a name that introduces its own acronym is a body's; people
 * are not given acronyms in news text. The acronym opens with the name's first letter and takes
 * its other letters, in order, from the name's capitals.
 */
function introducesAcronym(m: Mention, body: string): boolean {
  const acronym = /^\s+\((\p{Lu}[\p{Lu}\p{Ll}]{1,7})\)/u.exec(body.slice(m.end, m.end + 14))?.[1];
  if (acronym === undefined || !/^\p{Lu}{2,}/u.test(acronym)) return false;
  const capitals = m.text.replace(/[^\p{Lu}]/gu, "");
  if (capitals[0] !== acronym[0]) return false;
  let k = 0;
  for (const letter of acronym.toUpperCase()) {
    k = capitals.indexOf(letter, k) + 1;
    if (k === 0) return false;
  }
  return true;
}

/** The kind a name of unknown shape gets without person evidence: a body's, or none. */
function bodyKind(words: string[]): Mention["kind"] | null {
  if (words.some((w) => MEDIA_WORDS.test(w))) return "MEDIA";
  if (words.some((w) => BODY_WORDS.test(w) || ORGANIZATION_HEADS[w] !== undefined))
    return "ORGANIZATION";
  return null;
}

function lastWord(text: string): string {
  // "Joseph R. Biden, Jr." is known by "Biden".
  const plain = text.replace(/,?\s+(?:Jr|Sr)\.?$/u, "");
  return plain.split(/\s+/u).at(-1) ?? plain;
}

// Words of place names ("New South Wales", "Mount Ruvo", "Puerto Rico" aside): a government
// "of" a name holding one is a territory's, not a leader's.
const PLACE_WORDS =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Upper|Lower|Greater|Mount|Lake|Port|Saint|St\.?|San|Santa|Los|Las|Cape|Gulf|Bay|Republic|Region|Province|State|Territory|City|Island|Islands|Coast|Valley)$/u;

function hasOwnEvidence(m: Mention, body: string, tokens: Token[]): boolean {
  if (m.speaker) return true;
  // "Jorge Eduardo Scheinig": a given name anywhere before the surname.
  const words = m.text.split(/\s+/u);
  if (words.slice(0, -1).some((w) => GIVEN_NAMES.has(w))) return true;
  const i = firstAtOrAfter(tokens, m.start);
  const before = tokens[i - 1];
  const sameSentence = before !== undefined && before.sentence === m.sentence;
  if (sameSentence) {
    const word = before.text.toLowerCase().replace(/\.$/u, "");
    if (ROLE_NOUNS.has(word) || CUE_VERBS.has(word) || MEETING_VERBS.has(word)) return true;
    // "Grateful Dead drummer Mickey Hart", "the deceased seaman … Jaypee Galicha": a noun of
    // occupation by its ending, right before a full name.
    if (before.pos === "NOUN" && OCCUPATION.test(word) && words.length >= 2) return true;
  }
  // "was identified as Jaypee Galicha", "named as John Doe": only people are identified so.
  if (/\b(?:identified|named)\s+as\s+$/u.test(body.slice(Math.max(0, m.start - 20), m.start)))
    return true;
  // "the government of Jane Roe", "ousted John Doe": the leader a government is named after,
  // and the one a verb of removing or naming to office acts on, is a person.
  const lead3 = body.slice(Math.max(0, m.start - 40), m.start);
  if (
    /\b(?:government|administration|regime|cabinet)\s+of\s+$/u.test(lead3) &&
    m.text.includes(" ") &&
    !words.some((w) => PLACE_WORDS.test(w))
  )
    return true;
  if (
    /\b(?:ousted|overthrew|toppled|deposed|assassinated|arrested|detained|appointed|nominated|pardoned|impeached|interviewed|executed|kidnapped|abducted)\s+(?:former\s+)?$/u.test(
      lead3,
    )
  )
    return true;
  // "Netanyahu met Blinken": only people meet, visit, phone and thank one another.
  const verb = tokens[firstAtOrAfter(tokens, m.end)];
  if (verb?.sentence === m.sentence && MEETING_VERBS.has(verb.text)) return true;
  // "the bloc's foreign policy chief, Kaja Kallas,": an apposition before the name.
  const lead = /([\p{Ll}-]+),\s+$/u.exec(body.slice(Math.max(0, m.start - 30), m.start))?.[1];
  if (lead !== undefined && ROLE_NOUNS.has(lead)) return true;
  // ", the billionaire founder of …", ", who …", ", 45, …": an apposition about a person.
  const after = body.slice(m.end, m.end + 60);
  // ", aged 28,", " (28)": an age.
  if (/^,?\s+who\b|^,\s+(?:aged\s+)?\d{1,3}\b|^\s+\(\d{1,3}\)/u.test(after)) return true;
  // "An Australian, Brenton Tarrant,": a person of a nation, named in apposition.
  if (/\b(?:an?|the)\s+\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch)\s*,\s+$/u.test(lead3)) return true;
  // "Netanyahu's government", "the Biden administration", "Aliyev's adviser": a leader's
  // government or a person's kin and aides (a company has executives, not a cabinet or a wife).
  if (
    /^(?:[’']s?\s+(?:\p{Ll}+\s+){0,2}|\s+)(?:government|administration|cabinet|coalition|wife|husband|widow|son|daughter|family|parents|mother|father|brother|sister|children|relatives|fianc[ée]e?|aides?|advisers?|advisors?|lawyers?)\b/u.test(
      after,
    ) &&
    (/^[’']/u.test(after) || /\bthe\s+$/iu.test(body.slice(Math.max(0, m.start - 5), m.start)))
  )
    return true;
  // "Jane Roe of the Labour Party": a member of a body named right after the name.
  const member = /^\s+of\s+the\s+((?:\p{Lu}[\p{L}-]*\s+){0,4}\p{Lu}[\p{L}-]*)/u.exec(after)?.[1];
  if (
    member !== undefined &&
    ORGANIZATION_HEADS[member.split(/\s+/u).at(-1) as string] !== undefined
  )
    return true;
  // "Jane Roe from the opposition camp said": a speaker, with where she is from before the verb.
  const from = /^\s+(?:from|of)\s+(?:the\s+)?([^,.;:"“]{1,60})/u.exec(after)?.[1]?.split(/\s+/u);
  if (from?.slice(1, 5).some((w) => CUE_VERBS.has(w))) return true;
  // "…, Mariela Belski, said": a speaker set off by commas.
  const next = /^,\s+([\p{Ll}]+)/u.exec(after)?.[1];
  if (next !== undefined && CUE_VERBS.has(next)) return true;
  // ", the billionaire founder", ", Puerto Rico's governor,": a description after the name.
  const apposition =
    /^,\s+(?:(?:the|a|an|his|her|its)\s+|\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,3}[’']s\s+)([^,.;]{1,50})/u.exec(
      after,
    )?.[1];
  if (apposition !== undefined) {
    const nouns = apposition.split(/\s+/u).map((w) => w.replace(/[’']s$/u, "").toLowerCase());
    if (nouns.slice(0, 4).some((w) => ROLE_NOUNS.has(w))) return true;
  }
  // ", spokesperson for the governor,", ", secretary general of the UN": a role of one or two
  // words without an article.
  const bareRole =
    /^,\s+(?:(?:former|deputy|chief|senior|acting)\s+)?([\p{Ll}-]+)(?:\s+([\p{Ll}-]+))?\s+(?:for|of|to|at)\b/u.exec(
      after,
    );
  if (bareRole?.slice(1).some((w) => w !== undefined && ROLE_NOUNS.has(w))) return true;
  return false;
}

// Plural nouns that introduce a list of people ("the hostages – A, B and C") or of companies
// ("German firms including A, B and C").
const PEOPLE_BEFORE_LIST =
  /\b(?:citizens|nationals|hostages|detainees|prisoners|captives|journalists|reporters|victims|suspects|defendants|candidates|activists|dissidents|Americans|Britons|men|women)\s*(?:[–—:,(]|,?\s+(?:including|namely|such\s+as))\s*$/u;
const COMPANIES_BEFORE_LIST =
  /\b(?:firms|companies|corporations|businesses|banks|lenders|carriers|airlines|manufacturers|automakers|carmakers|brands|retailers|giants|conglomerates|groups|insurers|operators)\s*(?:[–—:,(]|,?\s+(?:including|such\s+as|like|namely))\s*$/u;
const LIST_SEPARATOR = /^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$/u;

/** The text right before the list that holds m ("…these citizens – A, B, and m"). */
function beforeList(m: Mention, mentions: Mention[], body: string): string {
  let head = m;
  for (;;) {
    const previous = mentions.find(
      (p) =>
        p.end <= head.start &&
        p.sentence === head.sentence &&
        LIST_SEPARATOR.test(body.slice(p.end, head.start)),
    );
    if (previous === undefined) break;
    head = previous;
  }
  return body.slice(Math.max(0, head.start - 60), head.start);
}

/**
 * Keeps the name-shaped person mentions that have evidence, turns evidence-less ones with a
 * body's head word into that body, and drops the rest. Mentions from other rules pass through.
 */
export function requirePersonEvidence(
  mentions: Mention[],
  body: string,
  tokens: Token[],
): Mention[] {
  const named = mentions.filter((m) => m.kind === "PERSON" && m.source === "name");
  const lead = new Map(named.map((m) => [m, beforeList(m, mentions, body)]));
  const evidenced = new Set(
    named.filter(
      (m) => hasOwnEvidence(m, body, tokens) || PEOPLE_BEFORE_LIST.test(lead.get(m) as string),
    ),
  );
  const companies = new Set(
    named.filter((m) => !evidenced.has(m) && COMPANIES_BEFORE_LIST.test(lead.get(m) as string)),
  );
  // Surnames of people known by a title or by their own evidence vouch for other mentions.
  const knownSurnames = new Set(
    mentions
      .filter((m) => m.kind === "PERSON" && (m.source === "title-person" || evidenced.has(m)))
      .map((m) => lastWord(m.text)),
  );
  const fullNameSurnames = new Set(
    mentions
      .filter(
        (m) =>
          m.kind === "PERSON" &&
          m.text.includes(" ") &&
          (m.source === "title-person" || evidenced.has(m)),
      )
      .map((m) => lastWord(m.text)),
  );
  const people = mentions.filter(
    (m) => m.kind === "PERSON" && (m.source === "title-person" || evidenced.has(m)),
  );
  const listedBeforePerson = (m: Mention): boolean => {
    const next = mentions.find(
      (o) =>
        o.sentence === m.sentence &&
        o.start >= m.end &&
        /^,\s+(?:and\s+)?$/u.test(body.slice(m.end, o.start)),
    );
    if (next === undefined || next.kind !== "PERSON") return false;
    if (people.includes(next)) return true;
    return next.source === "name" && next.text.includes(" ") && listedBeforePerson(next);
  };
  const keepFull = (m: Mention): boolean => {
    if (evidenced.has(m) || knownSurnames.has(lastWord(m.text))) return true;
    // "Trevor Reed" … "Trevor's parents": a lone given name with evidence vouches for the full
    // name it opens.
    const first = m.text.split(/\s+/u)[0];
    if (m.text.includes(" ") && named.some((o) => o.text === first && evidenced.has(o)))
      return true;
    // "Presidents Muhammadu Buhari of Nigeria and Patrice Talon", "Sullivan, and Cherelle
    // Griner": a name listed with people is one.
    if (
      people.some(
        (p) =>
          p.sentence === m.sentence &&
          p.end <= m.start &&
          /^(?:\s+of\s+\p{Lu}[\p{L}-]+)?,?\s+and\s+$/u.test(body.slice(p.end, m.start)),
      )
    )
      return true;
    // "Jane Roe, Mary Roe, and John Doe": full names listed before a person, comma by comma.
    if (m.text.includes(" ") && listedBeforePerson(m)) return true;
    // "Kiplagat Barasa" … "Barasa": a full name and its lone surname vouch for each other
    // (two full names sharing a last word may be spellings of a thing: "Hagia/Haghia Sophia").
    return named.some(
      (o) =>
        o !== m &&
        o.text !== m.text &&
        lastWord(o.text) === lastWord(m.text) &&
        (!o.text.includes(" ") || !m.text.includes(" ")),
    );
  };
  // "bring Paul home" after "Paul Whelan": a known person's given name alone.
  const givenNames = new Set(
    [...people, ...named.filter(keepFull)]
      .filter((m) => m.text.includes(" "))
      .map((m) => m.text.split(/\s+/u)[0] as string),
  );
  const keep = (m: Mention): boolean =>
    keepFull(m) || (!m.text.includes(" ") && givenNames.has(m.text));
  // "Mahan" after "Mahan Air": a lone word that opens a body's name is that body, whatever
  // other evidence says ("Mahan's director").
  const bodyFirstWords = new Map(
    mentions
      .filter((m) => m.text.includes(" "))
      .map((m) => {
        const words = m.text.split(/\s+/u);
        const kind = m.kind === "PERSON" && m.source === "name" ? bodyKind(words) : m.kind;
        return [words[0] as string, kind] as const;
      })
      .filter((e): e is readonly [string, Mention["kind"]] => e[1] !== null && e[1] !== "PERSON"),
  );
  const out: Mention[] = [];
  for (const m of mentions) {
    if (companies.has(m)) {
      out.push({ ...m, kind: "ORGANIZATION", source: "organization" });
      continue;
    }
    if (m.source === "name" && mediaByContext(m, body, tokens)) {
      out.push({ ...m, kind: "MEDIA", source: "organization" });
      continue;
    }
    // "Protesters called for …", "Diplomats said …" opening a sentence: the plural of a group
    // noun, not a name.
    const collective = collectiveKind(m.text);
    if (m.kind === "PERSON" && m.source === "name" && (GROUP_PLURALS.test(m.text) || collective)) {
      out.push({ ...m, kind: collective ?? "GROUP", source: "organization" });
      continue;
    }
    const bodyKindOfWord = bodyFirstWords.get(m.text);
    // Not a person's known surname ("Bill Clinton" … "Clinton Foundation" … "Clinton"); a lone
    // word's own evidence ("claims Mahan flies") does not outweigh the body's name.
    if (
      m.kind === "PERSON" &&
      m.source === "name" &&
      bodyKindOfWord !== undefined &&
      !fullNameSurnames.has(m.text)
    ) {
      out.push({ ...m, kind: bodyKindOfWord, source: "organization" });
      continue;
    }
    if (m.kind !== "PERSON" || m.source !== "name") {
      out.push(m);
      continue;
    }
    // "TV Pirveli said": a media or company word outweighs a speaker's role.
    const kind =
      bodyKind(m.text.split(/\s+/u)) ?? (introducesAcronym(m, body) ? "ORGANIZATION" : null);
    if (keep(m) && kind === null) {
      out.push(evidenced.has(m) ? { ...m, personEvidence: true } : m);
      continue;
    }
    if (kind !== null) out.push({ ...m, kind, source: "organization" });
  }
  return out;
}
