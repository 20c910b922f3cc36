import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Which kind of project may import which (Nx tags). */
function boundaries({ infraMayUseTesting }) {
  const infra = [
    'type:contracts',
    'type:kernel',
    'type:infra',
    ...(infraMayUseTesting ? ['type:testing'] : []),
  ];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: [],
          allowedExternalImports: ['class-validator', 'class-transformer'],
        },
        {
          sourceTag: 'type:kernel',
          onlyDependOnLibsWithTags: infraMayUseTesting ? ['type:testing'] : [],
          allowedExternalImports: ['uuid'],
        },
        { sourceTag: 'type:infra', onlyDependOnLibsWithTags: infra },
        {
          sourceTag: 'type:testing',
          onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:infra', 'type:testing'],
        },
        {
          sourceTag: 'type:app',
          onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:infra', 'type:testing'],
        },
        {
          sourceTag: 'type:e2e',
          onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:testing'],
        },
      ],
    },
  ];
}

const TESTING_LIBRARIES = [
  { name: '@lms/testing', message: 'Test code only.' },
  { name: '@lms/service-testing', message: 'Test code only.' },
];

/** Production code of the services and the runtime libraries. */
const RUNTIME_CODE = [
  'apps/*/src/**/*.ts',
  'libs/{contracts,kernel,messaging,jobs,observability,service-kit}/src/**/*.ts',
];

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/testing/**/*.ts',
];

export default [
  { ignores: ['**/node_modules', '**/dist', '.infra', '.nx', 'tmp', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries({ infraMayUseTesting: false }),
    },
  },
  {
    // A library's own tests may use the testing libraries; its production code may not.
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries({ infraMayUseTesting: true }) },
  },
  {
    // Production code of apps and runtime libraries never imports the testing libraries.
    files: RUNTIME_CODE,
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: TESTING_LIBRARIES }] },
  },
  {
    // Domain code is plain TypeScript: rules and decisions, no framework, database or broker.
    files: ['apps/*/src/**/domain/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: TESTING_LIBRARIES,
          patterns: [
            {
              group: [
                '@nestjs/*',
                'mongoose',
                'mongodb',
                'kafkajs',
                'fastify',
                '@fastify/*',
                'nodemailer',
                '@lms/service-kit',
                '@lms/messaging',
                '@lms/jobs',
                '@lms/observability',
                '**/infra/**',
              ],
              message: 'Domain code imports only @lms/kernel, @lms/contracts and other domain code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Settings are read and checked once, by each service's configuration module.
    files: RUNTIME_CODE,
    ignores: [...TEST_FILES, 'apps/*/src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: "Read settings through the service's config module." },
      ],
    },
  },
];
