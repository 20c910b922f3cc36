/** True for MongoDB's duplicate key error (code 11000), raised by a unique index. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: Array<{ code?: unknown }> };
  return code === 11000 || (Array.isArray(writeErrors) && writeErrors.some((e) => e.code === 11000));
}
