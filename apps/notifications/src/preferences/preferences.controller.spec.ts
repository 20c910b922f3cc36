import { buildNotificationsTestbed, TEST_TENANT } from '../testing/notifications-testbed';
import { PreferencesController } from './preferences.controller';

describe('PreferencesController', () => {
  it('given a caller that names no user, then it has no preferences to read or change', async () => {
    const { getPreferences, replacePreferences } = buildNotificationsTestbed();
    const controller = new PreferencesController(getPreferences, replacePreferences);
    const service = { tenantId: TEST_TENANT, userId: null, level: 'superadmin', roles: [] };

    await expect(controller.get(service)).rejects.toMatchObject({
      code: 'PREFERENCES.USER_ONLY',
      kind: 'forbidden',
    });
    await expect(controller.replace(service, { optedOut: [] }, undefined)).rejects.toMatchObject({
      code: 'PREFERENCES.USER_ONLY',
    });
  });

  it('answers the caller’s own preferences, with their version for the ETag', async () => {
    const { getPreferences, replacePreferences } = buildNotificationsTestbed();
    const controller = new PreferencesController(getPreferences, replacePreferences);
    const ada = { tenantId: TEST_TENANT, userId: 'ada', level: 'user', roles: [] };

    const replaced = await controller.replace(ada, { optedOut: ['assignment.expiring'] }, 0);

    expect(replaced).toEqual({
      id: 'ada',
      optedOut: ['assignment.expiring'],
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(await controller.get(ada)).toEqual(replaced);
  });
});
