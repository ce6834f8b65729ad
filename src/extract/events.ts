// Events: happenings the text reports (talks, agreements, exchanges, attacks, statements, visits,
// elections), found by trigger words, dated by the nearest date expression in the same clause,
// with the actors named around them as participants. Later mentions of the same kind of event
// without a conflicting date ("the talks", "the exchange") join the event named before.

import { addDays, addYears, type FuzzyDate, toIsoDate } from "../domain/fuzzy-dates.ts";
import type { EventKind, EventStatus } from "../generated/prisma/enums.ts";
import type { ExtractedClaim } from "./claims.ts";
import type { Clause } from "./clauses.ts";
import { FUTURE, isCueWord, isPastForm } from "./cues.ts";
import { type DateMention, weekdayBefore } from "./dates.ts";
import { attitudeHolders } from "./event-participants.ts";
import { isTrigger, TRIGGERS, triggerAt } from "./event-triggers.ts";
import { COUNTRIES, NON_STATE_PLACES, PLACE_PHRASES } from "./gazetteer.ts";
import { firstAtOrAfter, within } from "./ranges.ts";
import type { Analysis, ResolvedActor, Token } from "./types.ts";

export interface ExtractedEvent {
  kind: EventKind;
  /** The trigger's sense ("call", "detention", "war"): what coreference compares. */
  sense: string;
  status: EventStatus;
  title: string;
  location: string | null;
  date: FuzzyDate;
  /** Whether the date came from the text (false: unknown). */
  dated: boolean;
  /** Where the date was written in the body, when it came from the text. */
  dateAt?: number;
  participants: { actor: string; role: string }[];
  mentions: { start: number; end: number }[];
  sentences: Set<number>;
  confidence: number;
}

const ROLE: Record<EventKind, string> = {
  NEGOTIATION: "negotiator",
  AGREEMENT: "party",
  PRISONER_EXCHANGE: "exchanging party",
  TRANSFER: "participant",
  STATEMENT: "issuer",
  MEDIA_COVERAGE: "publisher",
  MILITARY_ACTION: "belligerent",
  HUMANITARIAN: "participant",
  OTHER: "participant",
};

const ISSUING = new Set(["issue", "release", "make", "deliver", "give", "publish", "read", "put"]);
const SEPARABLE = new Set<EventKind>(["OTHER", "NEGOTIATION", "STATEMENT", "TRANSFER"]);
const MODIFIER_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
// Past-tense verbs of saying that a date right after dates ("said Sunday", "announced on Friday").
const SAYING_PAST =
  /^(?:said|told|announced|stated|added|confirmed|reported|declared|wrote|tweeted|noted)$/iu;
const RELATIVE_DATE =
  /\b(?:today|tonight|yesterday|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:this|next|last|coming|past) (?:week|month|year))\b/iu;
const ONGOING = /\b(?:continu\w*|ongoing|currently|still)\b/iu;

export function extractEvents(
  analysis: Analysis,
  clauses: Clause[],
  actors: ResolvedActor[],
  allDates: DateMention[],
  publishedAt: Date,
  claims: ExtractedClaim[] = [],
): ExtractedEvent[] {
  const { body, tokens } = analysis;
  // "today I feel …" in a speech reported days later: inside a quotation, a date relative to
  // the speaker's day is not one relative to publication.
  const quotes = claims.flatMap((c) => (c.quote ? [c.quote] : []));
  const dates = allDates.filter(
    (d) =>
      !(
        RELATIVE_DATE.test(d.date.text ?? "") &&
        quotes.some((q) => q.start <= d.start && d.end <= q.end)
      ),
  );
  const spokenOn = speechDates(analysis, claims, dates);
  const actorAt = actors
    .flatMap((a) =>
      a.mentions.filter((m) => !m.locative).map((m) => ({ start: m.start, end: m.end, actor: a })),
    )
    .sort((x, y) => x.start - y.start);
  // States named as where fighting happens ("hostilities in Israel and Gaza") are its sides.
  const statesAt = actors
    .filter((a) => a.kind === "COUNTRY")
    .flatMap((a) => a.mentions.map((m) => ({ start: m.start, end: m.end, actor: a })))
    .sort((x, y) => x.start - y.start);
  const events: ExtractedEvent[] = [];
  const published = toIsoDate(publishedAt);

  // "Austin called Israeli Minister of Defense Yoav Gallant today": calling a person, by name
  // after any title, is a phone call; "called Trump's conduct a breach", "called it 'a
  // non-starter'", "called for a ceasefire" are not.
  const callsPerson = (t: Token) =>
    actorAt.some(
      (m) =>
        m.actor.kind === "PERSON" &&
        m.start > t.end &&
        m.start - t.end < 80 &&
        /^\s+(?:(?:\p{Lu}[\p{L}.’'-]*|of|the)\s+)*$/u.test(body.slice(t.end, m.start)) &&
        !/^\s*(?:[’']s?\b|[“"])/u.test(body.slice(m.end, m.end + 3)),
    );
  for (const clause of clauses) {
    const clauseTokens = within(tokens, clause.start, clause.end);
    const seenSenses = new Set<string>();
    // Every trigger of the clause with its sense: a date belongs to the trigger nearest it
    // ("agreed to resume talks next month, the ministry said in a statement": next month is
    // the talks', not the statement's).
    // A trigger inside a prepositional phrase ("reached during the Istanbul talks on June 2nd",
    // "the exchange under this agreement took place on July 4th") modifies another event and
    // does not take the date away from it; it may still take its own nearest date.
    const clauseTriggers = clauseTokens.flatMap((t, i) => {
      const trig = triggerAt(clauseTokens, i);
      if (
        !trig ||
        !isTrigger(
          t,
          trig.kind,
          clauseTokens[i - 1],
          clauseTokens[i + 1],
          t.text.toLowerCase() === "called" && callsPerson(t),
          clauseTokens[i + 2],
        )
      )
        return [];
      let j = i - 1;
      while (j >= 0 && j >= i - 4 && MODIFIER_POS.has((clauseTokens[j] as Token).pos)) j--;
      // Only a noun heads a prepositional phrase ("as Cherelle spoke" is a clause of its own).
      // The agent of a passive ("were hit by drone strikes") is what the clause reports, not a
      // modifier of it.
      const head = clauseTokens[j];
      const modifier =
        t.pos !== "VERB" &&
        head !== undefined &&
        head.pos === "ADP" &&
        !(head.text.toLowerCase() === "by" && passiveBefore(clauseTokens, j));
      // Where its noun phrase begins: "in a 2016 referendum" is dated inside it.
      const phraseStart = (clauseTokens[j + 1] as Token).start;
      return [{ at: t.start, sense: trig.sense, modifier, phraseStart }];
    });
    // "called Marsudi today to discuss the election": a date before an infinitive of purpose
    // dates the verb it follows, not what is to be done.
    const beforePurpose = (d: DateMention, at: number) =>
      d.end <= at &&
      clauseTokens.some(
        (x, k) =>
          x.start >= d.end &&
          x.end <= at &&
          x.text.toLowerCase() === "to" &&
          clauseTokens[k + 1]?.pos === "VERB",
      );
    // A trigger in a prepositional phrase takes a date within its phrase, after it ("during
    // the talks on June 2nd"), not the clause's date before it ("On Saturday, the party
    // withdrew in response to a statement").
    const mayTake = (d: DateMention, c: { at: number; modifier: boolean; phraseStart: number }) =>
      !beforePurpose(d, c.at) && (!c.modifier || d.start >= c.phraseStart);
    const ownsDate = (d: DateMention, sense: string, at: number) => {
      // Vague words ("currently", "for now") tell a status, not a time: anyone may use them.
      if (d.date.start === null) return true;
      const own = clauseTriggers.find((c) => c.at === at);
      if (own !== undefined && !mayTake(d, own)) return false;
      if (own?.modifier) return true;
      // "In a press release issued the following day, the ministry denounced the agreements": a
      // date after an event in a prepositional phrase, before this one, is that event's.
      if (d.end <= at && clauseTriggers.some((c) => c.modifier && c.at < d.start && mayTake(d, c)))
        return false;
      let best: { at: number; sense: string } | undefined;
      for (const c of clauseTriggers)
        if (
          !c.modifier &&
          mayTake(d, c) &&
          (best === undefined || Math.abs(c.at - d.start) < Math.abs(best.at - d.start))
        )
          best = c;
      return best === undefined || best.sense === sense;
    };
    const separate = separateTriggers(clauseTriggers, boundedDates(body, dates, clause));
    const bornHere = new Set<ExtractedEvent>();
    for (let i = 0; i < clauseTokens.length; i++) {
      const t = clauseTokens[i] as Token;
      const trigger = triggerAt(clauseTokens, i);
      if (trigger === undefined) continue;
      const ownDate = separate.get(t.start);
      if (seenSenses.has(trigger.sense) && ownDate === undefined) continue;
      const { kind, sense } = trigger;
      if (
        !isTrigger(
          t,
          kind,
          clauseTokens[i - 1],
          clauseTokens[i + 1],
          t.text.toLowerCase() === "called" && callsPerson(t),
          clauseTokens[i + 2],
        )
      )
        continue;
      // "Office of Financial Sanctions Implementation": a word of an actor's name is no trigger.
      if (/^\p{Lu}/u.test(t.text) && actorAt.some((m) => m.start <= t.start && t.end <= m.end))
        continue;
      const sentenceText = body.slice(clause.sentenceStart, clause.sentenceEnd);
      // "foreign exchange" is trade; an exchange is of prisoners only when the text says so.
      if (
        kind === "PRISONER_EXCHANGE" &&
        !/prisoner|captive|detainee|hostage|bodies|POW|swap/iu.test(sentenceText)
      )
        continue;
      // "said in a statement", "in its announcement": the medium of a saying, which the
      // statement events of dated attributions cover; not a happening of its own.
      if (
        /^(?:statement|announcement|communiqué|readout)$/u.test(t.text) &&
        /\b(?:in|via|through)\s+(?:a|an|its|his|her|their|the)?\s*(?:\p{L}+\s+)?$/iu.test(
          body.slice(Math.max(clause.start, t.start - 30), t.start),
        )
      )
        continue;
      seenSenses.add(sense);
      // "signed a border accord": the object naming the same event titles it better than the verb.
      const object =
        t.pos === "VERB"
          ? clauseTokens
              .slice(i + 1, i + 5)
              .findIndex((x) => x.pos === "NOUN" && TRIGGERS[x.text.toLowerCase()]?.sense === sense)
          : -1;
      const mention = eventPhrase(clauseTokens, object >= 0 ? i + 1 + object : i);
      // "The court heard the case on Thursday": a weekday in a past-tense clause is the one
      // before publication, wherever chrono put it.
      const past = !FUTURE.test(body.slice(clause.start, clause.end)) && pastTense(clauseTokens);
      // "barred from running until 2030": a bound on something else does not date the event.
      const clauseDates = dates
        .filter((d) => d.start >= clause.start && d.end <= clause.end)
        .filter((d) => !boundOnly(body, d))
        // "charged the suspect in the shooting, they said Sunday": Sunday is when they said it.
        .filter((d) => kind === "STATEMENT" || !spokenOn.has(d.start))
        // "which is due to take effect on Monday": a weekday after a future phrase is ahead;
        // so is a deadline ("have claimed they will leave by October 31").
        .map((d) =>
          past &&
          !FUTURE.test(body.slice(Math.max(clause.start, d.start - 40), d.start)) &&
          !DEADLINE.test(body.slice(Math.max(clause.start, d.start - 12), d.start))
            ? lastYearIfAhead(weekdayBefore(d, published), published)
            : d,
        );
      // A later trigger told apart by its own date takes that date; the others leave it to it.
      const found =
        ownDate !== undefined
          ? (clauseDates.find((d) => d.start === ownDate.start) ?? null)
          : nearest(
              clauseDates.filter(
                (d) =>
                  ownsDate(d, sense, t.start) &&
                  ![...separate.values()].some((x) => x.start === d.start),
              ),
              t.start,
            );
      // Who takes part: the actors of the trigger's own clause; when it names none ("The
      // talks, which Russia hosted, …" split off), those of the whole sentence.
      const usable = (m: { actor: ResolvedActor }) =>
        m.actor.kind !== "MEDIA" || kind === "STATEMENT";
      const inClause = within(actorAt, clause.start, clause.end).filter(usable);
      let participants = (
        inClause.length > 0
          ? inClause
          : within(actorAt, clause.sentenceStart, clause.sentenceEnd).filter(usable)
      ).map((m) => m.actor);
      // "Armenia and Azerbaijan agreed to resume talks, the Austrian Foreign Ministry said": a
      // speaker named after the event reports it and is no party to it.
      const reporters = inClause.filter(
        (m) =>
          m.start > t.end &&
          claims.some((c) => c.claimant === m.actor.name && c.start <= t.start && t.end <= c.end),
      );
      if (kind !== "STATEMENT" && reporters.length > 0 && reporters.length < participants.length)
        participants = participants.filter((a) => !reporters.some((m) => m.actor === a));
      // "Austin condemned the attacks from Lebanon": who speaks about or judges the event is
      // no party to it. When no one else is named, the speaker stays: an event with nobody
      // is too weak to report.
      const holders = attitudeHolders(clauseTokens, inClause, t.start);
      if (kind !== "STATEMENT" && holders.size > 0) {
        // "Israel condemned the attack on Israel": named once more as a party, it stays one.
        const parties = participants.filter(
          (a) =>
            !inClause.some((m) => m.actor === a) ||
            inClause.some((m) => m.actor === a && !holders.has(m.start)),
        );
        if (parties.length > 0) participants = parties;
      }
      // Who issues a statement is its subject or possessor ("the ministry's statement", "the
      // ministry issued a statement") or named after "by"/"from"; the people the statement
      // is about, later in the clause, are not issuers.
      if (kind === "STATEMENT") {
        // Before the trigger: a possessor, or the subject of a verb of issuing ("the ministry
        // issued a statement"), not of any verb ("Erdogan attacked the proclamation").
        const before = inClause.filter((m) => {
          if (m.end > t.start) return false;
          if (/^[’']s?\s/u.test(body.slice(m.end, m.end + 3))) return true;
          return within(clauseTokens, m.end, t.start).every(
            (x) => x.pos !== "VERB" || ISSUING.has(x.lemma),
          );
        });
        // After it: the actor named by "by"/"from" before any other event.
        // "the proclamation … by the President of the United States Donald Trump": every
        // actor of the name run after "by".
        const by = inClause.filter(
          (m) =>
            m.start > t.end &&
            m.start - t.end < 90 &&
            /\b(?:by|from)\s+(?:(?:the|of)\s+|[\p{Lu}][\p{L}.-]*\s+){0,8}$/u.test(
              body.slice(t.end, m.start),
            ),
        );
        participants = [...before, ...by].map((m) => m.actor);
      }
      if (sense === "war" && /^\s+(?:in|inside)\s/u.test(body.slice(t.end, t.end + 8)))
        for (const m of within(statesAt, t.end, Math.min(clause.end, t.end + 40)))
          if (!participants.includes(m.actor)) participants.unshift(m.actor);
      // Tense near the trigger, not anywhere in a long clause, decides planned or past.
      // After the trigger, only up to a relative or complement clause: in "a treaty has been
      // signed that many hope will end the war" the "will" belongs to the hope, not the treaty.
      const following = body.slice(t.end, Math.min(clause.end, t.end + 60));
      const cut = following.search(/\b(?:that|which|who|whom|because|after|although)\b|[;:]/u);
      const window =
        body.slice(Math.max(clause.start, t.start - 60), t.end) +
        (cut >= 0 ? following.slice(0, cut) : following);
      // "will end the civil war": what a plan would end already exists.
      const ended =
        /\b(?:end|ends|ending|stop|halt|resolve|settle)\s+(?:the\s+)?[^.,;:]{0,40}$/iu.test(
          body.slice(Math.max(clause.start, t.start - 50), t.start),
        );
      // The words leading to the event's own date tell its tense too ("The truce, which is
      // due to take effect on Monday").
      const toDate = found !== null && found.start > t.end ? body.slice(t.end, found.start) : "";
      const planned = eventStatus(window + toDate, found?.date ?? null, published);
      // "A hearing is scheduled for April 22" in June: a planned date without a written year is
      // the next one, not the one already past.
      // Only a date the future phrase governs ("is scheduled for April 22", "due to take
      // effect on Monday") moves ahead; a weekday in a past clause stays the last one.
      // "are expected to resume indirect talks in Doha on Sunday": the future phrase before the
      // trigger governs a date after it too.
      const aheadDate =
        found !== null &&
        planned === "PLANNED" &&
        FUTURE.test(
          body.slice(Math.max(clause.start, Math.min(found.start, t.start) - 40), found.start),
        );
      const near = found !== null && aheadDate ? nextYearIfPast(found, published) : found;
      // "accused of plotting a coup", "called for a ceasefire": what is plotted or demanded has
      // not happened.
      const intended =
        /\b(?:plott\w*|planning|preparing|threaten\w*|call(?:s|ed|ing)? for|demand\w*)\s+(?:(?:a|an|the|new|fresh|immediate)\s+)*$/iu.test(
          body.slice(Math.max(clause.start, mention.start - 40), mention.start),
        );
      const status =
        ended && planned === "PLANNED"
          ? "ONGOING"
          : intended && near === null
            ? "PLANNED"
            : planned;
      // "the conflict in Darfur": a place right after the event phrase names where it is.
      const ownPlace = placeAfter(body.slice(mention.end, Math.min(clause.end, mention.end + 40)));
      const location = ownPlace ?? findLocation(body, clause.start, clause.end);

      // Coreference: the latest event of the same kind, unless both carry dates that differ.
      // "next week" has bounds though not a day: it still tells events apart.
      const dated = near !== null && near.date.start !== null;
      // A dated reference joins only an event of the same time: "the next round … in late
      // March" is not the meeting that already happened, even as "the talks".
      // "previous agreements" are background: "the deal" later is the one the story is about.
      const background = (e: ExtractedEvent) =>
        /^(?:\p{L}+\s+)?(?:previous|earlier|past|former|prior)\b/iu.test(
          body.slice(e.mentions[0]?.start ?? 0, e.mentions[0]?.end ?? 0),
        );
      const target = events.findLast(
        (e) =>
          e.sense === sense &&
          !background(e) &&
          // A trigger told apart by its own date is another event than those its clause named.
          !(ownDate !== undefined && bornHere.has(e)) &&
          (!dated ||
            ((!e.dated || datesOverlap(e.date, (near as DateMention).date)) &&
              (e.status === "PLANNED") === (status === "PLANNED"))),
      );
      // "the talks", "this agreement", "her release", "Brittney's release": a definite reference.
      const isAnaphor =
        /^(?:the|this|that|these|those|such|his|her|its|their)\b/iu.test(
          body.slice(mention.start, mention.end),
        ) ||
        /(?:[’']s|\b(?:his|her|its|their))\s*$/iu.test(
          body.slice(Math.max(0, mention.start - 6), mention.start),
        );
      // Two calls or meetings on one day with different people are two events; a war or an
      // agreement mentioned with other actors is still the same one.
      // "Austin spoke with Gantz … Austin spoke with Wallace": two people talking are another
      // call when they are not the people of the call before, even on the same day.
      const persons = new Set(participants.filter((a) => a.kind === "PERSON").map((a) => a.name));
      const targetPersons = (target?.participants ?? [])
        .map((p) => p.actor)
        .filter((name) => actors.find((a) => a.name === name)?.kind === "PERSON");
      const otherPeople =
        persons.size >= 2 &&
        targetPersons.length >= 2 &&
        !targetPersons.every((p) => persons.has(p));
      const disjoint =
        target !== undefined &&
        SEPARABLE.has(kind) &&
        participants.length > 0 &&
        target.participants.length > 0 &&
        (!participants.some((a) => target.participants.some((p) => p.actor === a.name)) ||
          otherPeople);
      // What is planned is not what happened: "a third round … will take place" is new.
      const otherTime =
        dated && target !== undefined && (status === "PLANNED") !== (target.status === "PLANNED");
      // A war elsewhere is another war; talks in another city are other talks.
      const elsewhere =
        target !== undefined &&
        ownPlace !== null &&
        (target.location !== null ? target.location !== ownPlace : sense === "war");
      // "a ceasefire", "a new round of talks": an indefinite noun phrase introduces a new one.
      // "previous agreements", "an earlier ceasefire": another one than the last named.
      // "having survived a war that has left no one unscathed": a war named without place or
      // date is the war the story is about, however it is introduced.
      const sameWar = sense === "war" && ownPlace === null && !dated;
      const indefinite =
        t.pos !== "VERB" &&
        !sameWar &&
        (/^(?:a|an|another)\b/iu.test(body.slice(mention.start, mention.end)) ||
          /\b(?:previous|earlier|past|former|prior|last|new)\s+(?:\p{L}+\s+)?$/iu.test(
            body.slice(Math.max(mention.start, t.start - 30), t.start),
          ));
      if (target && !elsewhere && !indefinite && (isAnaphor || (!disjoint && !otherTime))) {
        target.mentions.push(mention);
        target.sentences.add(clause.sentence);
        if (!target.dated && dated && near) {
          target.date = near.date;
          target.dated = true;
          target.dateAt = near.start;
        }
        // A reference back ("The call went well, though …") adds the actors of its own clause,
        // not of the whole sentence around it.
        addParticipants(
          target,
          kind === "STATEMENT"
            ? participants
            : isAnaphor && target.participants.length > 0
              ? // "Hajiyev warned that the talks could collapse": who speaks about an event
                // named before is not one of its parties.
                inClause
                  .filter((m) => !holders.has(m.start))
                  .map((m) => m.actor)
                  .filter(
                    (a) =>
                      !claims.some(
                        (c) => c.claimant === a.name && c.start <= t.start && t.end <= c.end,
                      ),
                  )
              : participants,
          kind,
        );
        target.location ??= location;
        continue;
      }
      // "provided the following readout:" introduces the text that follows, which is the
      // document itself or a quote: a statement named before, or no happening of its own.
      if (
        kind === "STATEMENT" &&
        /\bfollowing\s+$/iu.test(body.slice(Math.max(0, t.start - 12), t.start)) &&
        /^\s*:/u.test(body.slice(t.end, t.end + 3))
      )
        continue;
      // A bare anaphor with nothing before it ("the war") still names a happening; a bare verb
      // without participants, date or place is too weak to report.
      // "the conflict in Darfur" names a happening by its place.
      if (near === null && participants.length === 0 && !isAnaphor && ownPlace === null) continue;
      const event: ExtractedEvent = {
        kind,
        sense,
        status,
        title: titleOf(body, mention, kind),
        location,
        date: near?.date ?? {
          text: "not stated",
          start: null,
          end: null,
          precision: "UNKNOWN",
          yearInferred: false,
        },
        dated,
        dateAt: near?.start,
        participants: [],
        mentions: [mention],
        sentences: new Set([clause.sentence]),
        confidence: 0,
      };
      addParticipants(event, participants, kind);
      events.push(event);
      bornHere.add(event);
    }
  }
  // An event named without its actors ("The talks resumed.") takes them from the sentences
  // around it, where the text usually says who.
  for (const event of events) {
    if (event.participants.length > 0) continue;
    const around = [...event.sentences].flatMap((s) => [s - 1, s + 1]);
    for (const s of around) {
      const sentence = analysis.sentences[s];
      if (!sentence) continue;
      // A statement's issuer is a speaker around it, not whoever is named there.
      const nearby =
        event.kind === "STATEMENT"
          ? actors.filter((a) =>
              claims.some(
                (c) => c.claimant === a.name && c.start >= sentence.start && c.end <= sentence.end,
              ),
            )
          : within(actorAt, sentence.start, sentence.end).map((m) => m.actor);
      addParticipants(
        event,
        nearby.filter((a) => a.kind !== "MEDIA"),
        event.kind,
      );
    }
  }
  addProtesters(events, actors);
  addStatementEvents(events, claims, clauses, published, actors, spokenOn, tokens);
  addDatedHappenings(events, analysis, clauses, actorAt, dates, claims, published);
  for (const e of events) {
    const score =
      0.4 +
      (e.dated ? 0.25 : 0) +
      Math.min(0.2, 0.1 * e.participants.length) +
      Math.min(0.1, 0.03 * e.mentions.length);
    e.confidence = Math.round(Math.min(0.95, score) * 100) / 100;
  }
  return events;
}

/**
 * "barred from running until 2030": a limit on something else, not when anything happened.
 * "shortly before midnight Wednesday" is still the time of the happening.
 */
function boundOnly(body: string, d: DateMention): boolean {
  const before = body.slice(Math.max(0, d.start - 30), d.start);
  return (
    /\b(?:until|till|before)\s+$/iu.test(before) &&
    !/\b(?:shortly|just|hours|minutes|moments)\s+before\s+$/iu.test(before)
  );
}

/** The clause's dates that bound a time: not vague words, not limits ("until 2030"). */
function boundedDates(body: string, dates: DateMention[], clause: Clause): DateMention[] {
  return dates.filter(
    (d) =>
      d.start >= clause.start &&
      d.end <= clause.end &&
      d.date.start !== null &&
      !boundOnly(body, d),
  );
}

/**
 * Later triggers of a sense already named in the clause that are another event of that kind,
 * each with the date that tells it apart: "the release of hostages …, a group of hostages
 * released yesterday", "Monday's attack, the deadliest since an assault in August 2018". A date
 * is a trigger's own when no other trigger of the clause is nearer to it.
 */
function separateTriggers(
  triggers: { at: number; sense: string; phraseStart: number }[],
  dates: DateMention[],
): Map<number, DateMention> {
  const own = new Map<number, DateMention>();
  for (const d of dates) {
    let best: { at: number } | undefined;
    for (const c of triggers)
      if (best === undefined || Math.abs(c.at - d.start) < Math.abs(best.at - d.start)) best = c;
    if (best === undefined) continue;
    const held = own.get(best.at);
    if (held === undefined || Math.abs(d.start - best.at) < Math.abs(held.start - best.at))
      own.set(best.at, d);
  }
  const separate = new Map<number, DateMention>();
  const lead = new Map<string, number>();
  for (const c of triggers) {
    const first = lead.get(c.sense);
    if (first === undefined) {
      lead.set(c.sense, c.at);
      continue;
    }
    const date = own.get(c.at);
    const firstDate = own.get(first);
    // Only when the first has a date of its own too: else the date is the first one's ("met
    // in Niamey for an AU summit where on Sunday …").
    if (date !== undefined && firstDate !== undefined && !datesOverlap(date.date, firstDate.date))
      separate.set(c.at, date);
    // "peace talks since their joint September 27 meeting": a date inside the later trigger's
    // own noun phrase is its alone, whether or not the first has one.
    else if (date !== undefined && c.phraseStart <= date.start && date.end <= c.at)
      separate.set(c.at, date);
  }
  return separate;
}

/** The noun phrase around the trigger: "the prisoner exchange agreement", "the Istanbul talks". */
function eventPhrase(clauseTokens: Token[], i: number): { start: number; end: number } {
  let first = i;
  while (first > 0) {
    const prev = clauseTokens[first - 1] as Token;
    // "a two-hour meeting": a hyphenated compound modifier is one word.
    const joined = clauseTokens[first - 2];
    if (
      prev.text === "-" &&
      joined !== undefined &&
      joined.end === prev.start &&
      prev.end === (clauseTokens[first] as Token).start
    ) {
      first -= 2;
      continue;
    }
    if (!MODIFIER_POS.has(prev.pos) || /[,.;:]/u.test(prev.text)) break;
    first--;
    if (prev.pos === "DET") break;
  }
  let last = i;
  // "round of talks", "exchange of prisoners"
  const of = clauseTokens[i + 1];
  const object = clauseTokens[i + 2];
  if (of?.text === "of" && object && (object.pos === "NOUN" || object.pos === "PROPN"))
    last = i + 2;
  if ((clauseTokens[i] as Token).pos === "VERB") first = i;
  return { start: (clauseTokens[first] as Token).start, end: (clauseTokens[last] as Token).end };
}

/**
 * Dates that say when a claim was made: right after its cue ("they said Sunday", "said on
 * Monday", "told reporters on Friday"), or before it with no event named in between ("On
 * Tuesday, the minister said …"). Not "said the talks would resume on Sunday", nor "On Sunday
 * the talks collapsed, the ministry said": there the date is the event's.
 */
function speechDates(
  analysis: Analysis,
  claims: ExtractedClaim[],
  dates: DateMention[],
): Set<number> {
  const { body, tokens } = analysis;
  const out = new Set<number>();
  // "they said Sunday": a verb of saying right before the date, whoever the speaker.
  for (const d of dates) {
    const before = /(\p{L}+)\s+(?:on\s+)?$/u.exec(body.slice(Math.max(0, d.start - 30), d.start));
    if (before && SAYING_PAST.test(before[1] as string)) out.add(d.start);
  }
  for (const c of claims) {
    const { cue, statedAt } = c;
    if (cue === null || statedAt === null) continue;
    if (statedAt.start >= cue.end) {
      const after = body.slice(cue.end, statedAt.start);
      if (
        /^\s+(?:(?:to\s+)?(?:reporters|journalists|the\s+press)\s+|in\s+a\s+(?:statement|interview)\s+)?$/iu.test(
          after,
        )
      )
        out.add(statedAt.start);
    } else if (statedAt.end <= cue.start) {
      // Nothing before the cue but the speaker names an event ("On Tuesday, the minister
      // said"); an aside between dashes or brackets does not count.
      const before = within(tokens, Math.min(c.start, statedAt.start), cue.start).filter(
        (t) => !inAside(body, c.start, t.start),
      );
      if (!before.some((t, i) => triggerAt(before, i) !== undefined && t.pos !== "ADJ"))
        out.add(statedAt.start);
    }
  }
  return out;
}

/** Whether the noun phrase starting at `at` follows its verb directly ("delivered a speech"). */
function objectOfVerb(tokens: Token[], at: number): boolean {
  const j = firstAtOrAfter(tokens, at);
  let i = tokens[j]?.start === at ? j : -1;
  if (i <= 0 || tokens[i]?.pos === "VERB") return false;
  // "delivered her speech": past a possessive the phrase splitter left out.
  if (/^(?:DET|PRON)$/u.test(tokens[i - 1]?.pos ?? "")) i--;
  return tokens[i - 1]?.pos === "VERB";
}

/** Whether `at` is inside a dash- or bracket-delimited aside that opened after `from`. */
function inAside(body: string, from: number, at: number): boolean {
  const text = body.slice(from, at);
  const dashes = (text.match(/\s[—–]\s/gu) ?? []).length;
  const opened = (text.match(/\(/gu) ?? []).length - (text.match(/\)/gu) ?? []).length;
  return dashes % 2 === 1 || opened > 0;
}

/** "were hit", "has been attacked": a participle after a form of "be" right before index `at`. */
function passiveBefore(clauseTokens: Token[], at: number): boolean {
  const verb = clauseTokens[at - 1];
  // "hit", "put": a participle may look like its lemma.
  if (verb?.pos !== "VERB" || /ing$/u.test(verb.text)) return false;
  return clauseTokens.slice(Math.max(0, at - 4), at - 1).some((x) => x.lemma === "be");
}

/** Whether a clause has a finite verb in the past tense ("met", "was", "had signed"). */
function pastTense(clauseTokens: Token[]): boolean {
  return clauseTokens.some(
    (t) =>
      (t.pos === "VERB" || t.pos === "AUX") && isPastForm(t) && !/^(?:is|are|am)$/iu.test(t.text),
  );
}

/** A month written out ("July 31", "in Oct."): only such a date can be a year off. */
const WRITTEN_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u;

/** The words before a deadline: "by October 31", "no later than June 1". */
const DEADLINE = /\b(?:by|before|no later than|deadline of)\s+(?:the\s+)?$/iu;

/** "He was held in March", written in September: the March before, not the next one. */
function lastYearIfAhead(d: DateMention, published: string): DateMention {
  const { start, end, yearInferred } = d.date;
  if (!yearInferred || start === null || end === null || start <= published) return d;
  if (!WRITTEN_MONTH.test(d.date.text ?? "")) return d;
  // "effective next Wednesday, July 31": said to be ahead.
  if (/\b(?:next|coming)\b/iu.test(d.date.text ?? "")) return d;
  return { ...d, date: { ...d.date, start: addYears(start, -1), end: addYears(end, -1) } };
}

function nextYearIfPast(d: DateMention, published: string): DateMention {
  const { start, end, yearInferred, precision } = d.date;
  if (!yearInferred || start === null || end === null || end > published) return d;
  // "due to take effect on Monday" said on a Sunday: the coming Monday, not the last one; "will
  // resume on Sunday" written on a Sunday is a week ahead (today would be "today").
  if (/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/u.test(d.date.text ?? "")) {
    return { ...d, date: { ...d.date, start: addDays(start, 7), end: addDays(end, 7) } };
  }
  if (end === published) return d;
  // Only a written month can be a year off; "yesterday" is always near.
  if (!WRITTEN_MONTH.test(d.date.text ?? "")) return d;
  if (precision !== "DAY" && precision !== "MONTH" && precision !== "PART_OF_MONTH") return d;
  return { ...d, date: { ...d.date, start: addYears(start, 1), end: addYears(end, 1) } };
}

function nearest(dates: DateMention[], at: number): DateMention | null {
  let best: DateMention | null = null;
  for (const d of dates) {
    if (best === null || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best;
}

function eventStatus(text: string, date: FuzzyDate | null, published: string): EventStatus {
  // "who brokered the deal in July 2022, said he would …": a written year already past is no
  // plan, whatever the future words around it.
  const pastYear = date !== null && date.end !== null && !date.yearInferred && date.end < published;
  if (!pastYear && (FUTURE.test(text) || (date?.start && date.start > published))) return "PLANNED";
  if (ONGOING.test(text)) return "ONGOING";
  return "OCCURRED";
}

/**
 * A clause that dates something an actor did or will do ("trading under the agreement will start
 * on July 1, 2020", "Ghana was chosen on Sunday") reports a happening even without a trigger
 * word: its main verb names it. Not when the date only says when a claim was made.
 */
function addDatedHappenings(
  events: ExtractedEvent[],
  analysis: Analysis,
  clauses: Clause[],
  actorAt: { start: number; end: number; actor: ResolvedActor }[],
  dates: DateMention[],
  claims: ExtractedClaim[],
  published: string,
) {
  const { body, tokens } = analysis;
  const statedAt = new Set(claims.map((c) => c.statedAt?.start).filter((x) => x !== undefined));
  for (const clause of clauses) {
    // A statement event names the saying, not what the clause reports ("announced he is to
    // send a bill", "withdrew in response to a statement"), unless the clause's verb takes it
    // as object ("delivered her annual speech").
    const covered = events.some((e) =>
      e.mentions.some(
        (m) =>
          m.start >= clause.start &&
          m.end <= clause.end &&
          (e.sense !== "STATEMENT" || objectOfVerb(tokens, m.start)),
      ),
    );
    if (covered) continue;
    const clauseTokens = within(tokens, clause.start, clause.end);
    const past = pastTense(clauseTokens);
    const clauseDates = dates.filter(
      (d) =>
        d.start >= clause.start &&
        d.end <= clause.end &&
        !statedAt.has(d.start) &&
        (d.date.precision === "DAY" ||
          d.date.precision === "PART_OF_MONTH" ||
          // "next week", "in the next ten days": a span with bounds.
          (d.date.precision === "UNKNOWN" && d.date.start !== null) ||
          // "in 2018, the congress approved a bill": a stated year or month in a past clause.
          (past && !d.date.yearInferred && d.date.start !== null)),
    );
    const date = clauseDates[0];
    if (date === undefined) continue;
    // The main verb: the first full verb that is not a verb of saying.
    const verb = clauseTokens.find(
      (t) =>
        t.pos === "VERB" &&
        !/(?:ing)$/u.test(t.text) &&
        !isCueWord(t) &&
        !/^(?:be|have|do|say|tell|wish|hope|want|need|seem|appear|feel|know|like|try|thank)$/u.test(
          t.lemma,
        ),
    );
    if (verb === undefined || body.slice(clause.start, verb.start).includes("“")) continue;
    const participants = within(actorAt, clause.start, clause.end)
      .filter((m) => !m.actor.mentions.every((x) => x.locative) && m.actor.kind !== "MEDIA")
      .map((m) => m.actor);
    // Someone must do it: an actor before the verb, its subject ("the Queen suspended …").
    const subject = within(actorAt, clause.start, verb.start).length > 0;
    if (participants.length === 0 || !subject) continue;
    const window = body.slice(clause.start, clause.end);
    const event: ExtractedEvent = {
      kind: "OTHER",
      sense: `verb:${verb.lemma}`,
      status: eventStatus(window, date.date, published),
      title: titleOf(body, { start: verb.start, end: verb.end }, "OTHER"),
      location: findLocation(body, clause.start, clause.end),
      date: date.date,
      dated: true,
      participants: [],
      mentions: [{ start: verb.start, end: verb.end }],
      sentences: new Set([clause.sentence]),
      confidence: 0,
    };
    addParticipants(event, participants, "OTHER");
    events.push(event);
  }
}

/** Closed intervals overlap; a missing bound is open. */
export function datesOverlap(a: FuzzyDate, b: FuzzyDate): boolean {
  const aStart = a.start ?? "0000-01-01";
  const aEnd = a.end ?? "9999-12-31";
  const bStart = b.start ?? "0000-01-01";
  const bEnd = b.end ?? "9999-12-31";
  return aStart <= bEnd && bStart <= aEnd;
}

// "Protesters", "anti-government demonstrators": the group whose name says it protests.
const PROTESTING_GROUP =
  /^(?:the\s+)?(?:[\p{L}-]+\s+)?(?:protesters|protestors|demonstrators|marchers)$/iu;

/**
 * Protests are made by protesters: when the story names them as a group ("Protesters have
 * claimed …"), they take part in its protests even where the sentence does not name them ("The
 * protests began in early October").
 */
function addProtesters(events: ExtractedEvent[], actors: ResolvedActor[]) {
  const protesters = actors.filter((a) => a.kind === "GROUP" && PROTESTING_GROUP.test(a.name));
  for (const event of events)
    if (event.sense === "protest" && event.status !== "PLANNED")
      addParticipants(event, protesters, event.kind);
}

function addParticipants(event: ExtractedEvent, actors: ResolvedActor[], kind: EventKind) {
  for (const a of actors) {
    if (event.participants.some((p) => p.actor === a.name)) continue;
    event.participants.push({
      actor: a.name,
      role: a.kind === "COUNTRY" || a.kind === "GOVERNMENT" ? ROLE[kind] : roleFor(kind, a.kind),
    });
  }
}

function roleFor(kind: EventKind, actorKind: string): string {
  if (actorKind === "GROUP") return "participant";
  return ROLE[kind];
}

function findLocation(body: string, start: number, end: number): string | null {
  const text = body.slice(start, end);
  for (const match of text.matchAll(/\b(?:in|at)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/gu)) {
    const place = match[1] as string;
    if (isPlace(place)) return place;
  }
  for (const match of text.matchAll(
    /\b(\p{Lu}[\p{L}-]+)\s+(?:talks|summit|meeting|agreement|agreements)\b/gu,
  )) {
    const place = match[1] as string;
    if (isPlace(place)) return place;
  }
  return null;
}

/** "in Darfur", "in the Gaza Strip" at the start of the text: the place's name, else null. */
function placeAfter(text: string): string | null {
  const match = /^\s+(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text);
  return match ? (match[1] as string) : null;
}

function titleOf(body: string, mention: { start: number; end: number }, kind: EventKind): string {
  const phrase = body
    .slice(mention.start, mention.end)
    .replace(/^(?:the|a|an|this|that|these|those|such)\s+/iu, "")
    .trim();
  const text = phrase.length >= 3 ? phrase : kind.toLowerCase().replace(/_/gu, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A dated attribution ("Erdogan said on Wednesday", "in a statement on Monday, the ministry
 * said") is a happening too: one STATEMENT event per speaker and day, the speaker as issuer.
 */
function addStatementEvents(
  events: ExtractedEvent[],
  claims: ExtractedClaim[],
  clauses: Clause[],
  published: string,
  actors: ResolvedActor[],
  spokenOn: Set<number>,
  tokens: Token[],
) {
  const media = new Set(actors.filter((a) => a.kind === "MEDIA").map((a) => a.name));
  for (const claim of claims) {
    // "Reuters reported on Monday": an outlet reporting is the source of the news, not a
    // happening in it.
    if (claim.claimant !== null && media.has(claim.claimant)) continue;
    const date = claim.statedAt;
    // "The United States welcomes … today" is the statement itself, not a report of one; a
    // saying dated before publication ("Yesterday Rice was quoted as saying") is one.
    const past = claim.pastCue || (date?.date.end != null && date.date.end < published);
    if (claim.claimant === null || date === null || date.date.precision !== "DAY" || !past)
      continue;
    const clause = clauses.find((c) => c.start <= claim.start && claim.end <= c.end);
    // "Austin called Gallant today": the cue word already names an event (the call).
    const cue = claim.cue;
    if (
      cue !== null &&
      events.some((e) => e.mentions.some((m) => m.start <= cue.start && cue.end <= m.end))
    )
      continue;
    // "The ministry said the talks would resume on Sunday": a date another event of the clause
    // took, in a clause of its own after the cue, is that event's, not the saying's ("announced
    // his resignation on Wednesday" still dates the announcement too).
    if (
      !spokenOn.has(date.start) &&
      events.some((e) => e.kind !== "STATEMENT" && e.dateAt === date.start) &&
      (cue === null ||
        date.start < cue.end ||
        within(tokens, cue.end, date.start).some((t) => t.pos === "VERB" || t.pos === "AUX"))
    )
      continue;
    // "The court ruled on Monday, finding that …": what a party to another event of that day
    // says in the same sentence is part of that event, not a statement of its own.
    if (
      clause !== undefined &&
      events.some(
        (e) =>
          e.kind !== "STATEMENT" &&
          e.dated &&
          e.sentences.has(clause.sentence) &&
          datesOverlap(e.date, date.date) &&
          e.participants.some((p) => p.actor === claim.claimant) &&
          // "announced his resignation on Wednesday": an event named after the cue is what the
          // saying reports, not an event the saying is part of. "pointing to the December 31
          // attack": a date inside an event's phrase is that event's, not the saying's.
          e.mentions.some(
            (m) =>
              cue === null || m.end <= cue.start || (m.start <= date.start && date.end <= m.end),
          ),
      )
    )
      continue;
    // The same speaker that day, or a statement of that day in the same sentence ("as part of
    // an election rally, Erdogan said on Friday", "In a press release issued the following day,
    // the ministry denounced …").
    const existing = events.find(
      (e) =>
        e.kind === "STATEMENT" &&
        e.date.start === date.date.start &&
        (e.participants.some((p) => p.actor === claim.claimant) ||
          (clause !== undefined && e.sentences.has(clause.sentence))),
    );
    if (existing) {
      if (!existing.participants.some((p) => p.actor === claim.claimant))
        existing.participants.push({ actor: claim.claimant, role: "issuer" });
      if (clause) existing.sentences.add(clause.sentence);
      continue;
    }
    // An undated statement of the same sentence, or one by the same speaker ("His
    // announcement followed …" after "Rosselló announced … Wednesday night"), gets the date.
    const generic = events.find(
      (e) =>
        e.kind === "STATEMENT" &&
        !e.dated &&
        ((clause !== undefined && e.sentences.has(clause.sentence)) ||
          e.participants.some((p) => p.actor === claim.claimant)),
    );
    if (generic) {
      generic.date = date.date;
      generic.dated = true;
      if (!generic.participants.some((p) => p.actor === claim.claimant))
        generic.participants.unshift({ actor: claim.claimant, role: "issuer" });
      continue;
    }
    events.push({
      kind: "STATEMENT",
      sense: "STATEMENT",
      status: "OCCURRED",
      title: `Statement by ${claim.claimant}`,
      location: null,
      date: date.date,
      dated: true,
      participants: [{ actor: claim.claimant, role: "issuer" }],
      mentions: [claim.cue ?? { start: date.start, end: date.end }],
      sentences: new Set(clause ? [clause.sentence] : []),
      confidence: 0,
    });
  }
}

const CAPITALS = new Set(COUNTRIES.flatMap((c) => c.capitals));

/** A known place that is not a state: a city, region or sea ("Istanbul", "Gaza Strip"). */
function isPlace(name: string): boolean {
  return (
    PLACE_PHRASES.has(name) ||
    CAPITALS.has(name) ||
    NON_STATE_PLACES.has(name.split(" ")[0] as string)
  );
}
