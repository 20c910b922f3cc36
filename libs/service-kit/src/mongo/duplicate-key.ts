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
