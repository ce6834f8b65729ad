// The first stage: refuse bodies that cannot be analysed (empty, binary, too large, HTML) with an
// error naming the reason, and detect the language so non-English text is stored unanalysed.
import { francAll } from "franc";

/** Longest body the pipeline analyses: ~30,000 words, far beyond a news article. */
export const MAX_EXTRACT_CHARS = 200_000;

// Languages franc chooses among: the widely published ones. Left open, franc calls plain English
// news "sco" (Scots) now and then, which would silently skip extraction.
const LANGUAGES = [
  "eng",
  "deu",
  "fra",
  "spa",
  "ita",
  "por",
  "nld",
  "pol",
  "ces",
  "ron",
  "hun",
  "swe",
  "dan",
  "nob",
  "fin",
  "ell",
  "tur",
  "rus",
  "ukr",
  "bel",
  "bul",
  "srp",
  "hrv",
  "arb",
  "pes",
  "heb",
  "hin",
  "urd",
  "ben",
  "cmn",
  "jpn",
  "kor",
  "vie",
  "ind",
  "tha",
  "swh",
];

export class ExtractInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ExtractInputError";
  }
}

export interface TextCheck {
  /** ISO 639-3 code from franc, or "und" when the text is too short to tell. */
  language: string;
  warnings: string[];
  /** False when the text is not English: extraction is skipped. */
  extractable: boolean;
}

// Tags that only appear in markup; a stray "<" in prose does not trip this.
const HTML_TAG =
  /<\/?(?:html|head|body|div|span|p|br|a|script|style|table|tr|td|ul|ol|li|h[1-6]|img|article|section)\b[^>]*>/iu;
/** C0 controls other than tab, line feed and carriage return mark binary data. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

export function checkText(body: unknown): TextCheck {
  if (typeof body !== "string") throw new ExtractInputError("body", "must be text");
  if (body.trim().length === 0) throw new ExtractInputError("body", "must not be empty");
  if (body.length > MAX_EXTRACT_CHARS)
    throw new ExtractInputError(
      "body",
      `is ${body.length} characters; extraction handles at most ${MAX_EXTRACT_CHARS}`,
    );
  if (hasControlCharacters(body) || body.includes("\ufffd"))
    throw new ExtractInputError("body", "is not plain text (control or replacement characters)");
  if (HTML_TAG.test(body))
    throw new ExtractInputError(
      "body",
      "looks like HTML; send the article's plain text (spans index the stored text)",
    );

  const language = detectLanguage(body);
  if (language === "eng") return { language, warnings: [], extractable: true };
  if (language === "und")
    return {
      language,
      warnings: ["the text is too short to detect its language; analysed as English"],
      extractable: true,
    };
  return {
    language,
    warnings: [`the text looks like language "${language}", not English: nothing was extracted`],
    extractable: false,
  };
}

/** Shorter texts give franc too few trigrams to tell languages apart. */
const MIN_DETECTABLE = 200;

function detectLanguage(body: string): string {
  if (body.trim().length < MIN_DETECTABLE) return "und";
  const scores = francAll(body, { only: LANGUAGES });
  const [top] = scores[0] ?? ["und", 0];
  // English within a hair of the winner is English: franc's scores are close on names-heavy news.
  const english = scores.find(([code]) => code === "eng")?.[1] ?? 0;
  return english >= 0.9 ? "eng" : top;
}
