// Actor resolution: mentions that name the same entity become one actor with a canonical name
// (the fullest form), aliases (the other forms) and all its mentions. Inside one document:
// gazetteer canonicals ("Moscow" → Russia), surnames ("Peskov" → "Dmitry Peskov"), an
// organization with and without its state ("Ministry of Defense" → "Russian Ministry of
// Defense"), acronyms, and definite descriptions ("the ministry" → the ministry named last).
// Known actors passed in by the caller win: their canonical name and kind are used.

import { escapeRegExp, nameKey } from "../domain/names.ts";
import type { ActorKind } from "../generated/prisma/enums.ts";
import { INSTITUTION_HEADS } from "./described.ts";
import {
  COUNTRIES,
  LONE_HEADS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  US_STATE_NAMES,
} from "./gazetteer.ts";
import { describedTitle, PERPETRATOR_NOUN } from "./mentions.ts";
import type { KnownActor, Mention, ResolvedActor } from "./types.ts";

interface Cluster {
  forms: Map<string, string>;
  kind: ActorKind;
  canonical: string | null;
  mentions: Mention[];
  /** Forms the caller or gazetteer supplied that never occur in the text. */
  extraAliases: string[];
}

const SOURCE_CONFIDENCE: Record<Mention["source"], number> = {
  gazetteer: 0.9,
  "title-person": 0.85,
  organization: 0.8,
  "demonym-group": 0.75,
  description: 0.55,
  demonym: 0.5,
  name: 0.55,
};

/** "the Ministry's" → "Ministry", "Defense Ministry" → "ministry of defense". */
function formKey(text: string): string {
  const plain = text
    .replace(/[’']s$/u, "")
    .replace(/^the\s+/iu, "")
    .trim();
  const inverted = /^(.*\S)\s+(Ministry|Department|Agency|Office)$/u.exec(plain);
  const key = inverted ? `${inverted[2]} of ${inverted[1]}` : plain;
  return nameKey(key);
}

// Common nouns that head bodies' names: alone they name a body only as its head.
const GENERIC_HEADS = new Set([...Object.keys(ORGANIZATION_HEADS), ...LONE_HEADS, "House"]);
const COUNTRY_NAMES = new Set(COUNTRIES.flatMap((c) => [c.name, ...c.aliases]));
const STATE_WORDS = new Map<string, string>();
for (const c of COUNTRIES)
  for (const w of [c.name, ...c.aliases, ...c.demonyms]) STATE_WORDS.set(w, c.name);
// "East Timor", "Burma": a state's other full names, by its gazetteer name; not abbreviations
// ("U.S.", "UAE") nor one-word short forms ("America", "Britain").
const FULL_ALIAS_STATE = new Map<string, string>();
for (const c of COUNTRIES)
  for (const a of c.aliases)
    if (!/^[\p{Lu}.\s]+$/u.test(a) && (a.includes(" ") || a.length > c.name.length))
      FULL_ALIAS_STATE.set(a, c.name);
const SEAT_STATE = new Map<string, string>();
for (const c of COUNTRIES)
  for (const w of [c.name, ...c.aliases, ...c.capitals]) SEAT_STATE.set(w, c.name);
const STATE_PATTERN = [...STATE_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const LEADING_STATE = new RegExp(`^(${STATE_PATTERN})\\s+`, "u");
const TRAILING_STATE = new RegExp(`\\s+of\\s+(?:the\\s+)?(${STATE_PATTERN})$`, "u");

/**
 * An organization's name without its state, and the state: "Russian Ministry of Defense",
 * "Ministry of Defense of the Russian Federation" and "Russian Defense Ministry" all give
 * ("ministry of defense", Russia).
 */
function organizationKey(text: string): { base: string; state: string | null } {
  let base = text.replace(/[’']s$/u, "").replace(/^the\s+/iu, "");
  let state: string | null = null;
  const leading = LEADING_STATE.exec(base);
  if (leading) {
    state = STATE_WORDS.get(leading[1] as string) ?? null;
    base = base.slice(leading[0].length);
  }
  // "Embassy in Baghdad" and "Embassy in Iraq": a mission's seat, by its state.
  base = base.replace(/(\s+in\s+)(.+)$/u, (all, _in: string, seat: string) => {
    const state = SEAT_STATE.get(seat);
    return state ? ` in ${state}` : all;
  });
  const trailing = TRAILING_STATE.exec(base);
  if (trailing) {
    state = STATE_WORDS.get(trailing[1] as string) ?? state;
    base = base.slice(0, trailing.index);
  }
  // "United States military forces", "the U.S. military", "US armed forces": one military.
  const key = formKey(base);
  return { base: /^(?:military|armed)(?: forces)?$/u.test(key) ? "military" : key, state };
}

/** "Kait’ib Sayyid al-Shuhada" → "KSS": a capital after an Arabic article counts too. */
function initials(text: string): string {
  return text
    .split(/\s+/u)
    .map((w) => /^\p{Lu}/u.exec(w)?.[0] ?? /^\p{Ll}{2,3}-(\p{Lu})/u.exec(w)?.[1] ?? "")
    .join("");
}

export function resolveActors(mentions: Mention[], known: KnownActor[] = []): ResolvedActor[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const knownByKey = new Map<string, KnownActor>();
  for (const k of known)
    for (const form of [k.name, ...(k.aliases ?? [])]) knownByKey.set(nameKey(form), k);

  const add = (cluster: Cluster, m: Mention) => {
    cluster.mentions.push(m);
    // "Federal authorities" joined to the "U.S. government" is no name of it.
    const describes = isNationalExecutive(m) && cluster.mentions.length > 1;
    if (m.source !== "description" && m.source !== "demonym" && !describes) {
      cluster.forms.set(formKey(m.text), m.text.replace(/[’']s$/u, ""));
      if (m.titledForm) cluster.forms.set(formKey(m.titledForm), m.titledForm);
    }
    for (const key of cluster.forms.keys()) byKey.set(key, cluster);
    if (m.canonical) byKey.set(nameKey(m.canonical), cluster);
  };
  const create = (m: Mention): Cluster => {
    const cluster: Cluster = {
      forms: new Map(),
      kind: m.kind,
      canonical: m.canonical,
      mentions: [],
      extraAliases: [],
    };
    clusters.push(cluster);
    add(cluster, m);
    return cluster;
  };

  // A capital after "in"/"to" is where something happens, not the state acting.
  const acting = mentions.filter(
    (m) =>
      !(
        m.locative &&
        m.source === "gazetteer" &&
        m.canonical !== null &&
        m.kind === "COUNTRY" &&
        m.text !== m.canonical &&
        !COUNTRY_NAMES.has(m.text)
      ),
  );
  const ordered = [...acting].sort((a, b) => sourceRank(a) - sourceRank(b) || a.start - b.start);
  const deferred: Mention[] = [];
  for (const m of ordered) {
    if (
      m.source === "description" ||
      m.source === "demonym" ||
      isSingleName(m) ||
      isNationalExecutive(m)
    ) {
      deferred.push(m);
      continue;
    }
    const key = m.canonical ? nameKey(m.canonical) : formKey(m.text);
    const existing =
      byKey.get(key) ??
      byKey.get(formKey(m.text)) ??
      familyNameOf(clusters, m) ??
      titledShortFormOf(clusters, m) ??
      // A state is never part of a body's name ("Sudan" is not the "Sudan Tribune").
      (m.kind !== "PERSON" && m.kind !== "COUNTRY" ? findOrganization(clusters, m) : undefined);
    if (existing) add(existing, m);
    else create(m);
  }
  // A bare name used more than once ("Brittney") is someone, even without a full name.
  const recurring = new Map<string, number>();
  for (const m of deferred)
    if (m.source === "name") recurring.set(m.text, (recurring.get(m.text) ?? 0) + 1);
  for (const m of deferred.sort((a, b) => a.start - b.start)) {
    const target = attachDeferred(clusters, byKey, m);
    if (target) add(target, m);
    else if (
      m.source === "title-person" ||
      (m.source === "name" && m.kind !== "PERSON") ||
      (m.source === "name" &&
        (isSpeaker(m) || m.personEvidence === true || (recurring.get(m.text) ?? 0) >= 2))
    )
      create(m);
    else if ((m.kind === "PERSON" && isPerpetrator(m)) || isNationalExecutive(m)) create(m);
    else if (
      m.source === "description" &&
      !m.anaphor &&
      ((m.kind !== "GOVERNMENT" && m.kind !== "PERSON" && !isBackReference(m)) ||
        isBareStateBody(m))
    )
      create(m);
  }

  return clusters
    .filter((c) => keep(c))
    .map((c) => finish(c, knownByKey))
    .filter(uniqueNames());
}

/** "the organization", "the council": a description that only refers back to a name. */
function isBackReference(m: Mention): boolean {
  return /^the\s+(?:organization|council|committee|commission|alliance|military|army)$/iu.test(
    m.text,
  );
}

/** "the government", "the palace", "the senate": a state body no name in the text stands for. */
function isBareStateBody(m: Mention): boolean {
  return /^the\s+(?:government|administration)$/iu.test(m.text) || isInstitution(m);
}

const LEGISLATURE_NAME =
  /\b(?:Parliament|Congress|Senate|Assembly|House|Legislature|Knesset|Duma|Diet|Majlis)\b/iu;
const INSTITUTION_END = new RegExp(`(?:${INSTITUTION_HEADS})$`, "iu");

/**
 * "the palace", "the election commission": a state body known only by its common noun, an
 * actor of its own when no body named before takes it.
 */
function isInstitution(m: Mention): boolean {
  return m.source === "description" && m.kind === "GOVERNMENT" && INSTITUTION_END.test(m.text);
}

function sourceRank(m: Mention): number {
  // Fuller forms first, so shorter forms find the cluster they belong to.
  return -(m.end - m.start);
}

/** A one-word person name ("Peskov", "Secretary Austin"): resolved against full names first. */
function isSingleName(m: Mention): boolean {
  return (m.source === "name" || m.source === "title-person") && !/\s/u.test(m.text.trim());
}

/**
 * "Prime Minister Al Thani" after "Mohammed bin Abdulrahman Al Thani": a person named by a
 * family name of several words joins the full name ending with it, mentioned last before.
 */
function familyNameOf(clusters: Cluster[], m: Mention): Cluster | undefined {
  if (m.kind !== "PERSON" || !/\s/u.test(m.text.trim())) return undefined;
  const tail = ` ${fold(m.text.replace(/[’']s$/u, ""))}`;
  return clusters
    .filter(
      (c) =>
        c.kind === "PERSON" &&
        [...c.forms.values()].some((f) => fold(f).endsWith(tail) && fold(f) !== tail.trim()),
    )
    .sort(
      (a, b) =>
        (b.mentions.filter((x) => x.start < m.start).at(-1)?.start ?? -1) -
        (a.mentions.filter((x) => x.start < m.start).at(-1)?.start ?? -1),
    )[0];
}

/**
 * "Princess Ubolratana" and "Princess Ubolratana Mahidol", "Queen Elizabeth" and "Queen
 * Elizabeth II": a titled name that opens another titled name is that person.
 */
function titledShortFormOf(clusters: Cluster[], m: Mention): Cluster | undefined {
  if (m.kind !== "PERSON") return undefined;
  const titled = (text: string) => PERSON_TITLES.has(text.split(/\s+/u)[0] as string);
  const opens = (short: string, long: string) =>
    titled(short) && /\s/u.test(short) && fold(long).startsWith(`${fold(short)} `);
  const own = [m.text, m.titledForm ?? m.text];
  return clusters.find(
    (c) =>
      c.kind === "PERSON" &&
      [...c.forms.values()].some((f) => own.some((o) => opens(f, o) || opens(o, f))),
  );
}

function isSpeaker(m: Mention): boolean {
  return m.speaker === true;
}

/** "Ministry of Defense" joins "Russian Ministry of Defense"; "UN" joins "United Nations". */
function findOrganization(clusters: Cluster[], m: Mention): Cluster | undefined {
  const key = organizationKey(m.text);
  const lone = !/\s/u.test(m.text);
  const word = escapeRegExp(m.text);
  const opening = GENERIC_HEADS.has(m.text) ? `^${word}\\s+of\\b` : `^${word}\\b`;
  const namesForm = lone ? new RegExp(`${opening}|\\b${word}$`, "iu") : null;
  const headOf = lone && GENERIC_HEADS.has(m.text) ? new RegExp(`^${word}\\s+of\\b`, "iu") : null;
  return clusters.find((c) => {
    if (c.kind === "PERSON" || c.kind === "COUNTRY") return false;
    // A body the gazetteer knows ("Hamas") is not one that only holds its name ("Kataib Hamas").
    if (m.canonical !== null && c.canonical !== m.canonical) return false;
    for (const form of c.forms.values()) {
      const other = organizationKey(form);
      const sameState = key.state === null || other.state === null || key.state === other.state;
      if (other.base === key.base && sameState && (key.base.includes(" ") || key.state !== null))
        return true;
      if (/^\p{Lu}{2,6}$/u.test(m.text) && initials(form) === m.text) return true;
      // "Parliament" after "Parliament of the United Kingdom": a lone head word names the body
      // named in full before; as a modifier ("House Judiciary Committee") it names another.
      // "Islamic Revolutionary Guard Corps-Quds Force" is the "Quds Force": a unit named with
      // its parent before a dash.
      const dashed = (a: string, b: string) =>
        b.includes(" ") && /[-–]$/u.test(a.slice(0, -b.length)) && a.endsWith(b);
      if (dashed(form, m.text) || dashed(m.text, form)) return true;
      // "the Thai Raksa Chart party" is the "Thai Raksa Chart Party": a name without its head.
      const headless = (a: string, b: string) =>
        a.startsWith(`${b} `) && GENERIC_HEADS.has(a.slice(b.length + 1));
      if (headless(form, m.text) || headless(m.text, form)) return true;
      // A lone proper word ("Mahan") names the body whose name it opens ("Mahan Air").
      // "Parliament" after "the British parliament": the head word in either case.
      if (namesForm?.test(form)) return true;
      // "the House" names the "United States House of Representatives" too: the state aside.
      if (headOf?.test(other.base)) return true;
      // "the Oversight Committee" is the "House Oversight and Reform Committee": its words in
      // the same order, with the same head.
      if (sameHeadSubset(key.base, other.base)) return true;
    }
    return false;
  });
}

/** Whether the words of a body's name appear, in order and with the same last word, in another. */
function sameHeadSubset(short: string, long: string): boolean {
  const a = short.split(" ");
  const b = long.split(" ");
  if (a.length < 2 || a.length >= b.length || a.at(-1) !== b.at(-1)) return false;
  let k = 0;
  for (const w of b) if (w === a[k]) k++;
  return k === a.length;
}

function attachDeferred(
  clusters: Cluster[],
  byKey: Map<string, Cluster>,
  m: Mention,
): Cluster | undefined {
  if (m.source === "demonym") return byKey.get(nameKey(m.canonical ?? ""));
  const text = m.text.replace(/[’']s$/u, "");
  if (m.source === "name" || m.source === "title-person") {
    const exact = byKey.get(formKey(text));
    if (exact) return exact;
    // A family name ("Peskov") or given name ("Brittney") of a person named in full; when two
    // share it, the one mentioned last before.
    const folded = fold(text);
    const byPart = clusters.filter(
      (c) =>
        c.kind === "PERSON" &&
        [...c.forms.values()].some((f) =>
          fold(f.replace(/,.*$/u, "")).split(/\s+/u).includes(folded),
        ),
    );
    const latest = byPart
      .map((c) => ({ c, at: c.mentions.filter((x) => x.start < m.start).at(-1)?.start ?? -1 }))
      .sort((a, b) => b.at - a.at)[0];
    if (latest) return latest.c;
    const acronym = clusters.find(
      (c) => c.kind !== "PERSON" && [...c.forms.values()].some((f) => initials(f) === text),
    );
    return acronym;
  }
  if (m.kind === "COUNTRY") return salientStateBefore(clusters, m);
  if (m.kind === "PERSON" && isPerpetrator(m)) return perpetratorOf(clusters, byKey, m);
  if (isNationalExecutive(m)) return executiveOf(clusters, m);
  // "Nancy Pelosi, the Speaker of the House," and "The Vice President, Mike Pence,": a title
  // set beside a name describes that person.
  const title = m.kind === "PERSON" ? describedTitle(text) : null;
  if (title !== null) {
    const apposed = appositivePerson(clusters, m);
    if (apposed) return apposed;
  }
  // A definite description: the latest actor before it whose name holds the head word.
  const head =
    title ??
    text.replace(/^(?:the|these|those|all|this|his|her|its|their|our|my)\s+/iu, "").toLowerCase();
  if (EXECUTIVE_HEADS.has(head)) return executiveOf(clusters, m);
  // "the organization": the body named last before it, whatever its name's head word.
  if (head === "organization" || head === "organisation")
    return latestBefore(clusters, m, (c) => c.kind === "ORGANIZATION");
  // "the legislature": the parliament, congress or assembly named last before it.
  if (head === "legislature")
    return latestBefore(clusters, m, (c) =>
      [...c.forms.values()].some((f) => LEGISLATURE_NAME.test(f)),
    );
  // "the airline": the body named last before it whose name ends "Air", "Airways", "Airlines".
  if (head === "airline")
    return latestBefore(clusters, m, (c) =>
      [...c.forms.values()].some((f) => /\sAir(?:ways|lines)?$/u.test(f)),
    );
  let best: Cluster | undefined;
  let bestAt = -1;
  for (const c of clusters) {
    // "the president" is not the vice president, nor a former or deputy one.
    const other = new RegExp(`\\b(?:vice|deputy|former|acting)[\\s-]+${head}`, "u");
    const holds = (text: string) => text.includes(head) && !other.test(text);
    const matches =
      [...c.forms.values()].some((f) => holds(f.toLowerCase())) ||
      (m.kind === "PERSON" &&
        c.kind === "PERSON" &&
        // "Kremlin spokesman Dmitry Peskov": the words right before the name, not a whole
        // clause back ("Secretary Austin congratulated Minister Katz" is no secretary Katz).
        c.mentions.some((x) => holds(x.preceding?.slice(-25) ?? ""))) ||
      // "the government" is the executive, not a court or a legislature.
      (head === "government" &&
        c.kind === "GOVERNMENT" &&
        ![...c.forms.values()].some((f) => /Court|Parliament|Congress|Senate|Assembly/u.test(f))) ||
      (m.kind === "PERSON" && c.kind === "PERSON" && /^spokes/u.test(head));
    if (!matches) continue;
    const last = c.mentions.filter((x) => x.start < m.start).at(-1);
    if (last && last.start > bestAt) {
      best = c;
      bestAt = last.start;
    }
  }
  return best;
}

/** "Federal authorities", "the central government": a state's executive by its level. */
function isNationalExecutive(m: Mention): boolean {
  return (
    m.kind === "GOVERNMENT" &&
    /^(?:the\s+)?(?:federal|central|national)\s+(?:government|authorities)$/iu.test(m.text)
  );
}

function isPerpetrator(m: Mention): boolean {
  return m.source === "description" && PERPETRATOR_NOUN.test(m.text);
}

/**
 * "a gunman" … "the suspect" … "identified the suspect as Jane Roe" … "the gunman": one
 * person. The person a description names (after "as", or beside it) takes every description
 * before it; later ones join the latest.
 */
function perpetratorOf(
  clusters: Cluster[],
  byKey: Map<string, Cluster>,
  m: Mention,
): Cluster | undefined {
  const chain = latestBefore(clusters, m, (c) => c.mentions.some(isPerpetrator));
  const named =
    (m.canonical !== null ? byKey.get(nameKey(m.canonical)) : undefined) ??
    appositivePerson(clusters, m) ??
    soleAccused(clusters);
  if (named === undefined) return chain;
  if (chain !== undefined && chain !== named && chain.forms.size === 0) {
    named.mentions.push(...chain.mentions);
    clusters.splice(clusters.indexOf(chain), 1);
  }
  return named;
}

/**
 * "Brenton Tarrant … charged with murder" … "the alleged gunman": with one person accused, the
 * crime story's unnamed perpetrator is that person.
 */
function soleAccused(clusters: Cluster[]): Cluster | undefined {
  const accused = clusters.filter(
    (c) => c.kind === "PERSON" && c.forms.size > 0 && c.mentions.some((x) => x.accused),
  );
  return accused.length === 1 ? accused[0] : undefined;
}

/**
 * The person named beside a title description, in its sentence: right after it or right before
 * it, past a comma ("the mayor, Dee Margo"), or after what the title is of ("the president of
 * the League, Jamel Msallem").
 */
function appositivePerson(clusters: Cluster[], m: Mention): Cluster | undefined {
  const near = (a: number, b: number, gap: number) => b - a >= 1 && b - a <= gap;
  const all = clusters
    .flatMap((c) => c.mentions.map((x) => ({ x, c })))
    .filter(({ x }) => x.sentence === m.sentence && x.source !== "description");
  const person = (fits: (x: Mention) => boolean) =>
    all.find(({ x, c }) => c.kind === "PERSON" && fits(x))?.c;
  const after = person((x) => near(m.end, x.start, 2));
  if (after) return after;
  const before = person((x) => near(x.end, m.start, 2));
  if (before) return before;
  // "the president" + " of the " + a body + ", " + the name.
  const owner = all.find(({ x, c }) => c.kind !== "PERSON" && near(m.end, x.start, 8));
  return owner ? person((x) => near(owner.x.end, x.start, 2)) : undefined;
}

// "the government", "his administration": the executive, named or not.
const EXECUTIVE_HEADS = new Set(["government", "administration"]);
const EXECUTIVE_FORM =
  /\b(?:government|administration|Government|Administration|Kremlin|White House|Downing Street)\b/u;

/**
 * The executive a bare "the government" refers to: the government named last before it, else
 * the first named after it ("the administration … the Trump administration"). Ministries,
 * courts and legislatures are parts of a state, not its government.
 */
function executiveOf(clusters: Cluster[], m: Mention): Cluster | undefined {
  const executives = clusters.filter(
    (c) => c.kind === "GOVERNMENT" && [...c.forms.values()].some((f) => EXECUTIVE_FORM.test(f)),
  );
  const before = latestBefore(executives, m, () => true);
  if (before) return before;
  return executives
    .map((c) => ({ c, at: Math.min(...c.mentions.map((x) => x.start)) }))
    .sort((a, b) => a.at - b.at)[0]?.c;
}

/**
 * "the country", "our nation": the state the text is about so far, the one mentioned most
 * often before it (the latest on a tie): a neighbour named in passing just before is not it.
 */
function salientStateBefore(clusters: Cluster[], m: Mention): Cluster | undefined {
  return clusters
    .filter((c) => c.kind === "COUNTRY")
    .map((c) => {
      const before = c.mentions.filter((x) => x.start < m.start);
      return { c, count: before.length, at: before.at(-1)?.start ?? -1 };
    })
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || b.at - a.at)[0]?.c;
}

function latestBefore(
  clusters: Cluster[],
  m: Mention,
  fits: (c: Cluster) => boolean,
): Cluster | undefined {
  return clusters
    .filter(fits)
    .map((c) => ({ c, at: c.mentions.filter((x) => x.start < m.start).at(-1)?.start ?? -1 }))
    .filter((e) => e.at >= 0)
    .sort((a, b) => b.at - a.at)[0]?.c;
}

/** A state or place that only locates things ("talks in Istanbul") is not an actor. */
function keep(c: Cluster): boolean {
  const named = c.mentions.filter((m) => m.source !== "demonym" && m.source !== "description");
  if (named.length === 0 && c.mentions.every((m) => m.source !== "description")) return false;
  if (c.kind === "COUNTRY" || US_STATE_NAMES.has(c.canonical ?? ""))
    return named.some((m) => !m.locative);
  return true;
}

function finish(c: Cluster, knownByKey: Map<string, KnownActor>): ResolvedActor {
  const forms = [...c.forms.values()];
  const knownMatch = [...c.forms.keys(), c.canonical ? nameKey(c.canonical) : ""]
    .map((k) => knownByKey.get(k))
    .find((k) => k !== undefined);
  // "The Washington Post" is a paper's own name; "the ministry" is a description.
  const keepsThe = (form: string) => c.kind === "MEDIA" && /^The\s/u.test(form);
  const longest = forms.reduce(
    (a, b) => (b.length > a.length && (!/^(?:the)\s/iu.test(b) || keepsThe(b)) ? b : a),
    forms[0] ?? (c.mentions[0] as Mention).text,
  );
  const personName = c.kind === "PERSON" ? personCanonical(c, longest) : longest;
  // A paper or broadcaster goes by the form the text gives it ("Daily Telegraph" or "The Daily
  // Telegraph"), not by the gazetteer's.
  // A body's fuller form in the text ("Islamic State of Iraq and the Levant") beats the
  // gazetteer's short one ("Islamic State"): the text's own fullest form is the canonical.
  const fullerInText =
    c.kind !== "COUNTRY" &&
    c.kind !== "PERSON" &&
    c.canonical !== null &&
    forms.length > 0 &&
    longest.replace(/^the\s+/iu, "").length > c.canonical.length;
  const textName = (c.kind === "MEDIA" && forms.length > 0) || fullerInText ? longest : null;
  const name = knownMatch?.name ?? textName ?? textStateName(c, forms) ?? c.canonical ?? personName;
  const kind = knownMatch?.kind ?? c.kind;
  // "the government" with no name in the text is known only as "the government".
  const describedOnly = forms.length === 0 && c.kind === "GOVERNMENT";
  const aliasSet = new Map<string, string>();
  for (const f of [...forms, ...(knownMatch?.aliases ?? [])]) {
    if (nameKey(f) !== nameKey(name)) aliasSet.set(nameKey(f), f);
  }
  const sources = c.mentions.map((m) => SOURCE_CONFIDENCE[m.source]);
  const base = Math.max(...sources);
  const confidence = Math.min(
    0.99,
    base + 0.03 * (c.mentions.length - 1) + (knownMatch ? 0.05 : 0),
  );
  const mentions = [...c.mentions].sort((a, b) => a.start - b.start);
  return {
    // "the international community" → "International community": a name, not a phrase.
    name: capitalize(
      (keepsThe(name) || describedOnly ? name : name.replace(/^the\s+/iu, "")).trim(),
    ),
    kind,
    aliases: [...aliasSet.values()],
    mentions,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/**
 * "East Timor" in a text that never says "Timor-Leste": the state goes by the full name the
 * text gives it (an abbreviation such as "U.S." still yields to the gazetteer's name).
 */
function textStateName(c: Cluster, forms: string[]): string | null {
  if (c.kind !== "COUNTRY" || c.canonical === null) return null;
  const canonical = nameKey(c.canonical);
  if (forms.some((f) => nameKey(f) === canonical)) return null;
  const full = forms.filter((f) => FULL_ALIAS_STATE.get(f) === c.canonical);
  return full.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The untitled full name wins over "President Vladimir Putin". */
function personCanonical(c: Cluster, longest: string): string {
  const untitled = c.mentions
    .filter((m) => m.source === "title-person" || m.source === "name")
    .map((m) => m.text.replace(/[’']s$/u, ""))
    .sort((a, b) => b.length - a.length);
  return untitled[0] ?? longest;
}

/** Drops a later actor whose name an earlier one already claimed, and aliases claimed twice. */
function uniqueNames(): (a: ResolvedActor) => boolean {
  const owners = new Set<string>();
  return (a) => {
    if (owners.has(nameKey(a.name))) return false;
    a.aliases = a.aliases.filter((alias) => !owners.has(nameKey(alias)));
    for (const f of [a.name, ...a.aliases]) owners.add(nameKey(f));
    return true;
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Erdoğan" and "Erdogan" are one name: compare without diacritics. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}
