/**
 * An e-mail address as the platform compares addresses (ID-U1: unique per tenant,
 * case-insensitive): trimmed, lower-case. Two addresses are the same when their normalised
 * forms are.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
