import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture rules that lint enforces, proved on code that breaks them: a rule that
 * stopped matching (a moved folder, a renamed library) would otherwise pass silently.
 * ESLint loads its configuration as an ES module, so the probes run in one child process.
 */
interface Probe {
  file: string;
  code: string;
}

const LINT_PROBES = `
const { ESLint } = require('eslint');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint();
  const out = [];
  for (const probe of probes) {
    const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
    out.push(result.messages.map((m) => (m.ruleId ?? 'parse') + ': ' + m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(probes: readonly Probe[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_PROBES], {
    cwd: join(__dirname, '..', '..'),
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

const DOMAIN_FILE = 'apps/coaching/src/assignments/domain/example.ts';
const forbiddenInDomain = [
  "import { Injectable } from '@nestjs/common';\nexport const used = Injectable;\n",
  "import { Schema } from 'mongoose';\nexport const used = Schema;\n",
  "import type { Kafka } from 'kafkajs';\nexport type Used = Kafka;\n",
  "import { MongoModule } from '@lms/service-kit';\nexport const used = MongoModule;\n",
  "import { CURRENT_SLOT } from '../infra/assignment.schema';\nexport const used = CURRENT_SLOT;\n",
];
const allowedInDomain =
  "import { DomainError } from '@lms/kernel';\nimport type { GroupRole } from '@lms/contracts';\n" +
  "export const roles: GroupRole[] = [];\nexport const error = new DomainError('A.B', 'invalid', 'x');\n";
const readsEnv = 'export const port = process.env.PORT;\n';

describe('lint rules of the architecture', () => {
  let results: string[][];

  beforeAll(() => {
    results = lint([
      ...forbiddenInDomain.map((code) => ({ file: DOMAIN_FILE, code })),
      { file: DOMAIN_FILE, code: allowedInDomain },
      { file: 'apps/coaching/src/assignments/use-cases/example.ts', code: readsEnv },
      { file: 'libs/messaging/src/kafka/example.ts', code: readsEnv },
      { file: 'apps/coaching/src/config/example.ts', code: readsEnv },
    ]);
  }, 60_000);

  it('given domain code importing Nest, mongoose, Kafka, the service wiring or infra, then lint fails on each', () => {
    const forbidden = results.slice(0, forbiddenInDomain.length);
    for (const problems of forbidden)
      expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
  });

  it('given domain code importing the kernel and the contracts, then lint passes', () => {
    expect(results[forbiddenInDomain.length]).toEqual([]);
  });

  it('given process.env read in a use case or a library, then lint fails; in a service config folder, it passes', () => {
    const [useCase, library, config] = results.slice(forbiddenInDomain.length + 1);
    expect(useCase).toEqual([expect.stringMatching(/^no-restricted-properties/)]);
    expect(library).toEqual([expect.stringMatching(/^no-restricted-properties/)]);
    expect(config).toEqual([]);
  });
});
