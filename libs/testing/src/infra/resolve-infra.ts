import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

import { dockerEngineAnswers } from './docker-engine';

export type TestInfraSource = 'env' | 'testcontainers' | 'local';

export interface TestInfra {
  kafkaBrokers: string[];
  mongoUri: string;
  smtpUrl: string;
  /** MailDev web root; its REST API is under /api. Empty when SMTP_URL is given without it. */
  maildevApiUrl: string;
  source: TestInfraSource;
}

interface GivenAddresses {
  kafkaBrokers: string[] | undefined;
  mongoUri: string | undefined;
  smtpUrl: string | undefined;
  maildevApiUrl: string | undefined;
}

const KAFKA_IMAGE = 'apache/kafka:3.9.2';
const MONGO_IMAGE = 'mongo:8';
const MAILDEV_IMAGE = 'maildev/maildev:2.2.1';
const CONTAINER_START_TIMEOUT_MS = 180_000;
/** The first local start downloads the Kafka and MongoDB jars through Maven. */
const LOCAL_UP_TIMEOUT_MS = 15 * 60_000;

let resolving: Promise<TestInfra> | undefined;

/**
 * Addresses of Kafka, MongoDB and the SMTP catcher for integration and end-to-end tests,
 * taken in this order from:
 * 1. the environment (KAFKA_BROKERS as a comma list, MONGODB_URI, SMTP_URL, MAILDEV_API_URL);
 * 2. containers started with testcontainers when a Docker engine answers;
 * 3. the local processes of infra/up.sh (in-memory MongoDB), which stay up for later runs.
 * Parts given in the environment are never started. Resolved once per process.
 */
export async function resolveTestInfra(): Promise<TestInfra> {
  resolving ??= chooseInfra().catch((error: unknown) => {
    resolving = undefined;
    throw error;
  });
  return resolving;
}

async function chooseInfra(): Promise<TestInfra> {
  const given = givenAddresses(process.env);
  if (given.kafkaBrokers && given.mongoUri && given.smtpUrl) {
    return {
      kafkaBrokers: given.kafkaBrokers,
      mongoUri: given.mongoUri,
      smtpUrl: given.smtpUrl,
      maildevApiUrl: given.maildevApiUrl ?? '',
      source: 'env',
    };
  }
  if (process.env['INFRA_NO_DOCKER'] !== '1' && (await dockerEngineAnswers())) {
    return startContainers(given);
  }
  return startLocal();
}

function givenAddresses(env: NodeJS.ProcessEnv): GivenAddresses {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const brokers = value('KAFKA_BROKERS')
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  return {
    kafkaBrokers: brokers && brokers.length > 0 ? brokers : undefined,
    mongoUri: value('MONGODB_URI'),
    smtpUrl: value('SMTP_URL'),
    maildevApiUrl: value('MAILDEV_API_URL'),
  };
}

// ---------------------------------------------------------------------------------------
// testcontainers (loaded only on this path). Ryuk removes the containers when the process
// that started them exits.

async function startContainers(given: GivenAddresses): Promise<TestInfra> {
  const [kafkaBrokers, mongoUri, mail] = await Promise.all([
    given.kafkaBrokers ?? startKafkaContainer(),
    given.mongoUri ?? startMongoContainer(),
    given.smtpUrl
      ? { smtpUrl: given.smtpUrl, maildevApiUrl: given.maildevApiUrl ?? '' }
      : startMaildevContainer(),
  ]);
  return { kafkaBrokers, mongoUri, ...mail, source: 'testcontainers' };
}

/**
 * apache/kafka in KRaft mode. @testcontainers/kafka only drives Confluent images, so this
 * is a GenericContainer. The broker advertises the host port, hence a fixed host port.
 */
async function startKafkaContainer(): Promise<string[]> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = ipv4((await getContainerRuntimeClient()).info.containerRuntime.host);
  const port = await freeLocalPort();
  await new GenericContainer(KAFKA_IMAGE)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@127.0.0.1:9093',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://127.0.0.1:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
    .start();
  return [`${host}:${port}`];
}

/** mongo:8 as a single-node replica set (transactions and change streams work). */
async function startMongoContainer(): Promise<string> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer(MONGO_IMAGE)
    .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
    .start();
  return `mongodb://${ipv4(container.getHost())}:${container.getMappedPort(27017)}/?directConnection=true`;
}

/**
 * MailDev 2 serves its REST API at the root; the base pathname /api puts it where MailDev 3
 * (the local one) has it: GET /api/email, DELETE /api/email/all.
 */
async function startMaildevContainer(): Promise<Pick<TestInfra, 'smtpUrl' | 'maildevApiUrl'>> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(MAILDEV_IMAGE)
    .withEnvironment({ MAILDEV_BASE_PATHNAME: '/api' })
    .withExposedPorts(1025, 1080)
    .withWaitStrategy(Wait.forHttp('/api/healthz', 1080))
    .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
    .start();
  const host = ipv4(container.getHost());
  return {
    smtpUrl: `smtp://${host}:${container.getMappedPort(1025)}`,
    maildevApiUrl: `http://${host}:${container.getMappedPort(1080)}`,
  };
}

/** Node may resolve "localhost" to ::1 where the port is bound on IPv4 only. */
function ipv4(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host;
}

function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free local port found'))));
    });
  });
}

// ---------------------------------------------------------------------------------------
// Local processes through infra/up.sh (parts given in the environment are passed through).

async function startLocal(): Promise<TestInfra> {
  const root = findRepositoryRoot();
  await runUpScript(path.join(root, 'infra', 'up.sh'));
  const runDir = process.env.INFRA_DIR ?? path.join(root, '.infra');
  const env = parseEnvFile(readFileSync(path.join(runDir, 'env'), 'utf8'));
  const found = givenAddresses(env);
  if (!found.kafkaBrokers || !found.mongoUri || !found.smtpUrl) {
    throw new Error('infra/up.sh succeeded but .infra/env lacks KAFKA_BROKERS, MONGODB_URI or SMTP_URL');
  }
  return {
    kafkaBrokers: found.kafkaBrokers,
    mongoUri: found.mongoUri,
    smtpUrl: found.smtpUrl,
    maildevApiUrl: found.maildevApiUrl ?? '',
    source: 'local',
  };
}

function runUpScript(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [script],
      {
        env: { ...process.env, MONGO_BACKEND: 'memory', INFRA_NO_DOCKER: '1' },
        timeout: LOCAL_UP_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        if (error) {
          reject(new Error(`infra/up.sh failed: ${error.message.split('\n')[0]}\n${stderr.slice(-4_000)}`));
        } else {
          resolve();
        }
      },
    );
  });
}

/** The nearest folder above this file (or the working directory) holding infra/up.sh. */
function findRepositoryRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (existsSync(path.join(dir, 'infra', 'up.sh'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('cannot find infra/up.sh above this package or the working directory');
}

/** Reads KEY=value lines as written by infra/up.sh; values may be single-quoted shell words. */
export function parseEnvFile(text: string): NodeJS.ProcessEnv {
  const values: NodeJS.ProcessEnv = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = unquoteShellWord(match[2]);
  }
  return values;
}

function unquoteShellWord(raw: string): string {
  let value = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charAt(i);
    if (char === "'") {
      quoted = !quoted;
    } else if (char === '\\' && !quoted && i + 1 < raw.length) {
      i++;
      value += raw.charAt(i);
    } else {
      value += char;
    }
  }
  return value;
}
