import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';

/**
 * The repository the running service provides under `token`, against the real database with
 * the indexes the service declares: the service starts (without consumers) before the file's
 * tests and stops after them. The repository is there once the tests run, not before.
 */
export function repositoryOfTheService<T>(token: symbol): () => T {
  let service: ServiceTestApp | undefined;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', withConsumers: false });
  });

  afterAll(async () => {
    await service?.close();
  });

  return () => {
    if (!service) throw new Error('The service is not running yet');
    return service.app.get<T>(token);
  };
}
