import type { Config } from 'jest';
import { basePreset } from './jest.preset';

/** End-to-end tests: every service started as its own process, driven through the gateway. */
const config: Config = {
  ...basePreset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/apps/system-e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  testTimeout: 300_000,
  maxWorkers: 1,
};

export default config;
