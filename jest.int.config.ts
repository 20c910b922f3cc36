import type { Config } from 'jest';
import { basePreset } from './jest.preset';

/** Integration tests: real Kafka broker and Mongo server, one database and consumer group per file. */
const config: Config = {
  ...basePreset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
