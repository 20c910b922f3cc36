import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { ClassConstructor } from 'class-transformer';
import type { ServiceEnv } from './service-env';
import { validateEnv } from './validate-env';

@Module({})
class ServiceConfigModule {}

/**
 * The one place a service reads its environment: `ConfigModule` of `@nestjs/config`, global,
 * checked against the service's schema class, whose checked instance is also provided under
 * the class itself. Libraries read their keys through `ConfigService`; a service's own code
 * injects the settings object its configuration module builds from the checked instance.
 */
export async function serviceConfigModule<T extends ServiceEnv>(
  schema: ClassConstructor<T>,
): Promise<DynamicModule> {
  let checked: T | undefined;
  const config = await ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    cache: true,
    validate: (raw) => (checked = validateEnv(schema)(raw)),
  });
  return {
    module: ServiceConfigModule,
    global: true,
    imports: [config],
    providers: [{ provide: schema, useValue: checked }],
    exports: [schema],
  };
}
