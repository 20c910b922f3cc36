import type { Config } from 'jest';
import { basePreset } from './jest.preset';

const config: Config = {
  ...basePreset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
};

export default config;
