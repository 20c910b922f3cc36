/** What applying an event to a projection did: 'stale' when the projection already held that version or a newer one. */
export type ProjectionOutcome = 'applied' | 'stale';
