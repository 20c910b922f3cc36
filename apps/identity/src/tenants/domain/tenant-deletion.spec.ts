import { registerUser } from '../../users/domain/user';
import { deactivateForTenantDeletion } from './tenant-deletion';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-03T09:00:00.000Z');

describe('deactivateForTenantDeletion', () => {
  const user = registerUser(
    { id: 'user-1', tenantId: 'acme', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
    at,
  );

  it('given an account in any other state, then it is deactivated at the next version, its data kept', () => {
    for (const state of ['activated', 'active', 'expired'] as const) {
      expect(deactivateForTenantDeletion({ ...user, state }, later)).toEqual({
        outcome: 'changed',
        user: { ...user, state: 'deactivated', updatedAt: later, version: 2 },
      });
    }
  });

  it('given an account already deactivated, then there is nothing to write', () => {
    expect(deactivateForTenantDeletion({ ...user, state: 'deactivated' }, later)).toEqual({
      outcome: 'unchanged',
    });
  });
});
