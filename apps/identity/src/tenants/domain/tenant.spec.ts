import {
  activate,
  hasDeletionStarted,
  isProvisioningOf,
  isPublished,
  isReadable,
  isTenantCode,
  isVisible,
  markDeleted,
  editTenant,
  handOwnership,
  HOST_ADMINISTRATOR_ID,
  openHostTenant,
  startDeletion,
  startProvisioning,
  type ActiveTenant,
  type PendingAdministrator,
  type Tenant,
} from './tenant';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-02T10:00:00.000Z');

const administrator: PendingAdministrator = {
  userId: 'user-1',
  email: 'Ada@Acme.example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  adminRoles: ['application_admin'],
  passwordHash: 'hash',
};

function provisioning(): Tenant {
  return startProvisioning({ code: 'acme', name: '  Acme Corp ', administrator }, at);
}

describe('Tenant', () => {
  it('accepts codes of 3 to 32 lower-case letters, digits and dashes, not starting with a dash', () => {
    for (const code of ['1000', 'acme', 'a-b', 'x'.repeat(32), '0-corp'])
      expect(isTenantCode(code)).toBe(true);
    for (const code of ['ab', 'x'.repeat(33), '-acme', 'Acme', 'ac me', 'acme_co', 'acmé', ''])
      expect(isTenantCode(code)).toBe(false);
  });

  it('given a new tenant, then it is provisioning, invisible, and holds its first administrator', () => {
    const tenant = provisioning();

    expect(tenant).toMatchObject({
      id: 'acme',
      code: 'acme',
      name: 'Acme Corp',
      timezone: 'UTC',
      state: 'provisioning',
      version: 1,
    });
    expect(tenant.pendingAdministrator?.userId).toBe('user-1');
    expect(isVisible(tenant)).toBe(false);
  });

  it('given a provisioning tenant activated, then it is visible, the next version, and holds no administrator any more', () => {
    const active = activate(provisioning(), later);

    expect(active).toMatchObject({
      state: 'active',
      pendingAdministrator: null,
      version: 2,
      updatedAt: later,
    });
    expect(active.createdAt).toEqual(at);
    expect(isVisible(active)).toBe(true);
  });

  it('tells a request sent again (same first administrator, any case) from another one', () => {
    const tenant = provisioning();

    expect(isProvisioningOf(tenant, { administratorEmail: ' ada@acme.EXAMPLE.com' })).toBe(true);
    expect(isProvisioningOf(tenant, { administratorEmail: 'bob@acme.example.com' })).toBe(false);
    expect(isProvisioningOf(activate(tenant, later), { administratorEmail: 'ada@acme.example.com' })).toBe(
      false,
    );
  });

  it('given a time zone, then a new tenant counts its days in it; without one, in UTC', () => {
    const input = { code: 'acme', name: 'Acme', administrator };

    expect(startProvisioning({ ...input, timezone: 'Asia/Tokyo' }, at).timezone).toBe('Asia/Tokyo');
    expect(startProvisioning(input, at).timezone).toBe('UTC');
  });

  it('given the same name and time zone, then an edit changes nothing; given another, then the next version', () => {
    const active = activate(provisioning(), at);

    expect(editTenant(active, { name: ' Acme Corp ' }, later)).toEqual({ outcome: 'unchanged' });
    expect(editTenant(active, { timezone: 'UTC' }, later)).toEqual({ outcome: 'unchanged' });
    expect(editTenant(active, {}, later)).toEqual({ outcome: 'unchanged' });
    expect(editTenant(active, { name: 'Acme Group' }, later)).toEqual({
      outcome: 'edited',
      tenant: { ...active, name: 'Acme Group', updatedAt: later, version: 3 },
    });
    expect(editTenant(active, { timezone: 'Europe/Rome' }, later)).toEqual({
      outcome: 'edited',
      tenant: { ...active, timezone: 'Europe/Rome', updatedAt: later, version: 3 },
    });
    expect(editTenant(active, { name: 'Acme Group', timezone: 'Asia/Tokyo' }, later)).toEqual({
      outcome: 'edited',
      tenant: { ...active, name: 'Acme Group', timezone: 'Asia/Tokyo', updatedAt: later, version: 3 },
    });
  });

  it('given an active tenant whose deletion starts, then it is deleting: readable, not listed or editable, unpublished, closed to sign-in', () => {
    const deleting = startDeletion(activate(provisioning(), at), later);

    expect(deleting).toMatchObject({ code: 'acme', state: 'deleting', version: 3, updatedAt: later });
    expect(isVisible(deleting)).toBe(false);
    expect(isReadable(deleting)).toBe(true);
    expect(isPublished(deleting)).toBe(false);
    expect(hasDeletionStarted(deleting)).toBe(true);
  });

  it('given a tenant deleted, then it keeps its document, invisible, unreadable, closed to sign-in', () => {
    const deleted = markDeleted(startDeletion(activate(provisioning(), at), at), later);

    expect(deleted).toMatchObject({ code: 'acme', state: 'deleted', version: 4, updatedAt: later });
    expect(isVisible(deleted)).toBe(false);
    expect(isReadable(deleted)).toBe(false);
    expect(isPublished(deleted)).toBe(true);
    expect(hasDeletionStarted(deleted)).toBe(true);
  });

  it('keeps sign-in open in an active or provisioning tenant, and in one it has no document of', () => {
    expect(hasDeletionStarted(activate(provisioning(), at))).toBe(false);
    expect(hasDeletionStarted(provisioning())).toBe(false);
    expect(hasDeletionStarted(null)).toBe(false);
  });

  it('opens the host tenant active, code 1000, in the time zone given, owned by its System Administrator', () => {
    expect(openHostTenant({ name: ' Platform ', timezone: 'UTC' }, at)).toEqual({
      id: '1000',
      code: '1000',
      name: 'Platform',
      timezone: 'UTC',
      state: 'active',
      pendingAdministrator: null,
      ownerId: HOST_ADMINISTRATOR_ID,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  });
});

describe('Platform Owner (ID-G5)', () => {
  const host = openHostTenant({ name: 'Platform', timezone: 'UTC' }, at) as ActiveTenant;

  it('given ownership handed to another user, then the tenant names it at its next version; to the owner itself, nothing changes', () => {
    expect(handOwnership(host, 'heir', later)).toEqual({
      outcome: 'handed',
      tenant: { ...host, ownerId: 'heir', updatedAt: later, version: 2 },
    });
    expect(handOwnership(host, HOST_ADMINISTRATOR_ID, later)).toEqual({ outcome: 'unchanged' });
  });
});
