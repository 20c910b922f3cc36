import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { UPSTREAM_SERVICES } from '../apps/gateway/src/config/gateway.config';
import { routingTable } from '../apps/gateway/src/routing/routing-table';
import { format, resolveConfig } from 'prettier';
import { JobsEnv, PlatformEnv, ServiceEnv } from '@lms/service-kit';
import { CoachingEnv } from '../apps/coaching/src/config/coaching.env';
import { GatewayEnv } from '../apps/gateway/src/config/gateway.env';
import { IdentityEnv } from '../apps/identity/src/config/identity.env';
import { LearningEnv } from '../apps/learning/src/config/learning.env';
import { NotificationsEnv } from '../apps/notifications/src/config/notifications.env';
import { configurationTable, type SettingsSchema } from './reference/configuration-table';
import { errorCatalogue, errorCatalogueMarkdown } from './reference/error-catalogue';
import { writePluginMetadata } from './reference/plugin-metadata';
import { platformDocument, type PublishedService } from './reference/platform-document';
import { serviceDocument } from './reference/service-document';

/**
 * Writes the reference documents that follow from the code (run after the build):
 * - docs/openapi.yaml, from the services' controllers and DTOs;
 * - docs/errors.md, every error code, from the source;
 * - the configuration table of README.md, from the settings schemas.
 *
 *   bash scripts/build.sh && node dist/scripts/generate-reference-docs.js [--check]
 *
 * `--check` writes nothing and exits 1 when a document is not what the code generates.
 */
async function main(argv: readonly string[]): Promise<number> {
  const root = repositoryRoot(__dirname);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const table = routingTable({
    upstreams: Object.fromEntries(UPSTREAM_SERVICES.map((name) => [name, ''])) as never,
  });
  const services: PublishedService[] = [];
  for (const name of [...UPSTREAM_SERVICES, 'gateway']) {
    const compiledDir = path.dirname(writePluginMetadata(root, name));
    const document = await serviceDocument({ name, compiledDir, prefixed: name !== 'gateway' });
    const routes =
      name === 'gateway'
        ? [{ prefix: '/api', rewritePrefix: '/api' }]
        : table.filter((route) => route.service === name);
    services.push({ name, document, routes });
  }
  const errors = errorCatalogue(root, sourceFiles(root));
  const errorStatuses = new Map(errors.map((entry) => [entry.code, entry.status]));
  const openapi = platformDocument(services, { version, errorStatuses });
  const prettier = (await resolveConfig(path.join(root, 'README.md'))) ?? {};
  const pretty = (text: string, parser: string): Promise<string> => format(text, { ...prettier, parser });
  const readme = path.join(root, 'README.md');
  const outputs = [
    {
      file: path.join(root, 'docs', 'openapi.yaml'),
      text: await pretty(
        `# Generated from the services' controllers and DTOs: do not edit by hand.\n# Regenerate: bash scripts/build.sh && node dist/scripts/generate-reference-docs.js\n${stringify(openapi, { lineWidth: 0, aliasDuplicateObjects: false })}`,
        'yaml',
      ),
    },
    {
      file: path.join(root, 'docs', 'errors.md'),
      text: await pretty(errorCatalogueMarkdown(errors), 'markdown'),
    },
    {
      file: readme,
      text: await pretty(
        withConfigurationTable(readFileSync(readme, 'utf8'), configurationTable(settingsSchemas(root))),
        'markdown',
      ),
    },
  ];
  if (argv.includes('--check')) {
    const stale = outputs.filter(
      ({ file, text }) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== text,
    );
    for (const { file } of stale)
      process.stderr.write(`${path.relative(root, file)} is out of date: run the OpenAPI generator\n`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const { file, text } of outputs) {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${path.relative(root, file)}\n`);
  }
  return 0;
}

const TABLE_START = '<!-- configuration:start -->';
const TABLE_END = '<!-- configuration:end -->';

/** The README with its configuration table (between its two markers) replaced. */
function withConfigurationTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the ${TABLE_START} and ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** Every settings schema: the shared ones first, then each process's own. */
function settingsSchemas(root: string): SettingsSchema[] {
  const shared = path.join(root, 'libs', 'service-kit', 'src', 'config', 'service-env.ts');
  const own = (type: new () => object, service: string): SettingsSchema => ({
    type,
    name: type.name,
    file: path.join(root, 'apps', service, 'src', 'config', `${service}.env.ts`),
    usedBy: service,
  });
  const processes = [
    own(GatewayEnv, 'gateway'),
    own(IdentityEnv, 'identity'),
    own(CoachingEnv, 'coaching'),
    own(LearningEnv, 'learning'),
    own(NotificationsEnv, 'notifications'),
  ];
  const withJobs = processes.filter((schema) => schema.type.prototype instanceof JobsEnv);
  return [
    { type: ServiceEnv, name: 'ServiceEnv', file: shared, usedBy: 'every process' },
    { type: PlatformEnv, name: 'PlatformEnv', file: shared, usedBy: 'every service' },
    {
      type: JobsEnv,
      name: 'JobsEnv',
      file: shared,
      usedBy: withJobs.map((schema) => schema.usedBy).join(', '),
    },
    ...processes,
  ];
}

const TEST_SOURCE = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

/** The runtime source files of every app and library (not their tests or test helpers). */
function sourceFiles(root: string): string[] {
  return ['apps', 'libs']
    .flatMap((top) => readdirSync(path.join(root, top)).map((name) => path.join(root, top, name, 'src')))
    .filter((dir) => existsSync(dir) && !/testing|e2e/.test(path.basename(path.dirname(dir))))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)),
    )
    .filter(
      (file) => file.endsWith('.ts') && !TEST_SOURCE.test(file) && !file.split(path.sep).includes('testing'),
    )
    .sort();
}

/** The folder holding package.json, above the source file or its compiled copy under dist/. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
