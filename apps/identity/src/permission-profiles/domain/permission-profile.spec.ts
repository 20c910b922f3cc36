import { definePermissionProfile, type PermissionProfileDefinition } from './permission-profile';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-02T10:00:00.000Z');

function definition(overrides: Partial<PermissionProfileDefinition> = {}): PermissionProfileDefinition {
  return {
    id: 'profile-1',
    tenantId: 'acme',
    name: 'sales-desk',
    rights: ['users.change_state', 'users.read'],
    description: 'The sales desk',
    ...overrides,
  };
}

function created(overrides: Partial<PermissionProfileDefinition> = {}) {
  const decision = definePermissionProfile(null, definition(overrides), at);
  if (decision.outcome !== 'created') throw new Error(decision.outcome);
  return decision.profile;
}

describe('definePermissionProfile (ID-U2)', () => {
  it('given no profile of the name, then it creates one at version 1, its rights each once in catalogue order', () => {
    expect(
      definePermissionProfile(
        null,
        definition({ rights: ['users.change_state', 'users.read', 'users.read'], description: '  Desk  ' }),
        at,
      ),
    ).toEqual({
      outcome: 'created',
      profile: {
        id: 'profile-1',
        tenantId: 'acme',
        name: 'sales-desk',
        rights: ['users.read', 'users.change_state'],
        description: 'Desk',
        createdAt: at,
        updatedAt: at,
        version: 1,
      },
    });
  });

  it('given the stored profile, then it replaces its rights and description with the next version, keeping its id', () => {
    const stored = created();

    expect(
      definePermissionProfile(
        stored,
        definition({ id: 'ignored', rights: ['enrollments.manage'], description: null }),
        later,
      ),
    ).toEqual({
      outcome: 'replaced',
      profile: { ...stored, rights: ['enrollments.manage'], description: null, updatedAt: later, version: 2 },
    });
  });

  it('given the same rights in another order and the same description, then nothing changes', () => {
    const stored = created();

    expect(
      definePermissionProfile(stored, definition({ rights: ['users.read', 'users.change_state'] }), later),
    ).toEqual({ outcome: 'unchanged', profile: stored });
  });

  it('given a right outside the catalogue, then it names each unknown right once and defines nothing', () => {
    expect(
      definePermissionProfile(
        null,
        definition({ rights: ['users.read', 'users.delete', 'users.delete', 'READ'] }),
        at,
      ),
    ).toEqual({ outcome: 'unknown-rights', rights: ['users.delete', 'READ'] });
  });

  it('given a name outside the pattern, then it defines nothing', () => {
    for (const name of ['', 'Sales', '-desk', 'sales desk', 'a'.repeat(65), 'desk.1'])
      expect(definePermissionProfile(null, definition({ name }), at)).toEqual({ outcome: 'invalid-name' });
    expect(definePermissionProfile(null, definition({ name: 'a'.repeat(64) }), at).outcome).toBe('created');
  });

  it('given no rights at all, then it is a profile that grants nothing', () => {
    expect(created({ rights: [] }).rights).toEqual([]);
  });
});
