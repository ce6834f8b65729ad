// Shared shapes of the extraction stages. Every position is a JavaScript string index into the
// body (end exclusive), so spans are built from indices and always satisfy the span invariant.
import type { ActorKind } from "../generated/prisma/enums.ts";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag (PROPN, NOUN, VERB, …) from the NLP library. */
  pos: string;
  /** Dictionary form, lower case ("said" → "say"). */
  lemma: string;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
}

export interface Analysis {
  body: string;
  sentences: Sentence[];
  tokens: Token[];
}

/** A stretch of text that names or describes an actor, before resolution. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: ActorKind;
  /** The name the mention stands for when a gazetteer knows it ("Moscow" → "Russia"). */
  canonical: string | null;
  /** Which rule found the mention; resolution and confidence depend on it. */
  source:
    | "gazetteer"
    | "demonym-group"
    | "demonym"
    | "title-person"
    | "name"
    | "organization"
    | "description";
  /** True when the mention only locates something ("talks in Istanbul"). */
  locative: boolean;
  sentence: number;
  /** For a titled person, the whole phrase ("President Vladimir Putin"), kept as an alias. */
  titledForm?: string;
  /** Lower-case words right before the mention ("AU trade commissioner"), for descriptions. */
  preceding?: string;
  /** A person the text says was charged, arrested or accused ("X was charged with murder"). */
  accused?: boolean;
  /** True for "the soldiers" and the like: joins a group named before, never stands alone. */
  anaphor?: boolean;
  /** True for a bare name right before a cue verb ("Zelensky said"): a speaker, so an actor. */
  speaker?: boolean;
  /** True for a bare name with its own sign of a person ("Netanyahu met Blinken"). */
  personEvidence?: boolean;
}

/** An actor the caller already knows (e.g. from the database), matched by name or alias. */
export interface KnownActor {
  name: string;
  kind: ActorKind;
  aliases?: string[];
}

export interface ResolvedActor {
  name: string;
  kind: ActorKind;
  aliases: string[];
  mentions: Mention[];
  confidence: number;
}
