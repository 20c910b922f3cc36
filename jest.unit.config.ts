import type { Config } from 'jest';
import { basePreset } from './jest.preset';

const config: Config = {
  ...basePreset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
};

export default config;
