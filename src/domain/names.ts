// Actor names and aliases are compared by a normalized key, so "Kyiv", " kyiv " and "KYIV" are
// one name. NFKC folds look-alike code points (full-width letters, ligatures).
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("en-US");
}

/** The text as a literal inside a RegExp: "U.S." matches only "U.S.", "(AP)" does not throw. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** A URL-safe slug: lower case ASCII letters, digits and single dashes. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, maxLength)
    .replace(/-+$/u, "");
  return slug || "untitled";
}
