// Offset look-ups over items sorted by start, by binary search: the stages ask "which tokens
// lie in this clause" once per clause, which a linear scan would make quadratic in the article.

/** Index of the first item whose start is at or after `offset`. */
export function firstAtOrAfter<T extends { start: number }>(items: T[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((items[mid] as T).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The items lying wholly inside [start, end), in order. */
export function within<T extends { start: number; end: number }>(
  items: T[],
  start: number,
  end: number,
): T[] {
  const out: T[] = [];
  for (let i = firstAtOrAfter(items, start); i < items.length; i++) {
    const item = items[i] as T;
    if (item.start >= end) break;
    if (item.end <= end) out.push(item);
  }
  return out;
}
