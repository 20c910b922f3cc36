/**
 * The indexes of the writes an unordered bulk write refused as duplicates, or null when it
 * failed otherwise (then nothing is known of what it wrote).
 */
export function duplicateKeyIndexes(error: unknown): number[] | null {
  if (!isDuplicateKeyError(error)) return null;
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const indexes = list.map((e) => Number((e as { index?: unknown }).index));
  return indexes.length === 0 || indexes.some((i) => Number.isNaN(i)) ? null : indexes;
}

/** MongoDB's duplicate key codes: 11000, and 11001 from older servers. */
const DUPLICATE_KEY_CODES: readonly unknown[] = [11000, 11001];

/**
 * True for a write refused by a unique index: a single write's error, or a bulk write's
 * error whose every write error is a duplicate key.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  if (DUPLICATE_KEY_CODES.includes(code)) return true;
  const errors: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return (
    errors.length > 0 &&
    errors.every(
      (e) =>
        typeof e === 'object' && e !== null && DUPLICATE_KEY_CODES.includes((e as { code?: unknown }).code),
    )
  );
}
