import type { ProjectionOutcome, Recipient, RecipientChange, RecipientState } from '../domain/recipient';

export const RECIPIENT_REPOSITORY = Symbol('RECIPIENT_REPOSITORY');

/** The recipient projection. Every method is scoped by tenant. */
export interface RecipientRepository {
  /**
   * Applies a batch of user events: each recipient ends at the state of its newest event if
   * that is newer than what is stored. Per change: 'applied', or 'stale' (and it changed
   * nothing) for an event not newer than the stored version, e.g. a redelivery.
   */
  applyMany(changes: readonly RecipientChange[]): Promise<ProjectionOutcome[]>;
  /**
   * Stores the user's full state if `version` is newer than what is stored.
   * Returns false (and changes nothing) for a stale or repeated event.
   */
  applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean>;
  /** Turns the user into a tombstone (no address, no name) if `version` is newer. */
  applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean>;
  find(tenantId: string, userId: string): Promise<Recipient | null>;
  findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]>;
  /**
   * The users of the tenant whose address is one of these, compared as identity compares them
   * (trimmed, lower-case); a deleted user has no address and is never found.
   */
  findByEmails(tenantId: string, emails: readonly string[]): Promise<Recipient[]>;
}
