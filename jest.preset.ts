import type { Config } from 'jest';

/** Shared by the unit, integration and end-to-end Jest configurations. */
export const basePreset: Config = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { swcrc: true }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lms/(contracts|kernel|messaging|jobs|observability|service-kit|testing|service-testing)$':
      '<rootDir>/libs/$1/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
  setupFiles: ['reflect-metadata'],
};
