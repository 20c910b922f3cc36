import { brokersFromEnv, createKafka, DeadLetterReplayer, EventProducer } from '@lms/messaging';
import { createLogger } from '@lms/observability';

/**
 * Puts the dead letters of one consumer group back on their original topic, once the cause
 * of their failure is fixed. Progress is kept in a consumer group of its own, so a second
 * run goes on where the first stopped. Only the named group handles the replayed copies.
 *
 *   KAFKA_BROKERS=host:port node dist/scripts/replay-dead-letters.js \
 *     --topic identity.group-memberships.v1 --group coaching [--max 100] [--timeout-ms 60000]
 *
 * Prints the outcome as JSON; exits 1 on failure or time-out, 2 on bad arguments.
 */
const USAGE =
  'usage: replay-dead-letters --topic <stream topic> --group <consumer group> [--max <n>] [--timeout-ms <ms>]';

interface Arguments {
  topic: string;
  group: string;
  max?: number;
  timeoutMs?: number;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name || !['--topic', '--group', '--max', '--timeout-ms'].includes(name))
      return `unknown argument ${name}`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    values.set(name, value);
  }
  const topic = values.get('--topic');
  const group = values.get('--group');
  if (!topic || !group) return '--topic and --group are required';
  const max = positiveInteger(values.get('--max'));
  const timeoutMs = positiveInteger(values.get('--timeout-ms'));
  if (max === null) return '--max must be a positive integer';
  if (timeoutMs === null) return '--timeout-ms must be a positive integer';
  return { topic, group, max, timeoutMs };
}

/** undefined when absent, null when not a positive integer. */
function positiveInteger(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : null;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const logger = createLogger('dead-letter-replay');
  const kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'dead-letter-replay' }, logger);
  const producer = new EventProducer(kafka);
  try {
    const result = await new DeadLetterReplayer(kafka, producer, logger).replay({
      topic: args.topic,
      consumerGroup: args.group,
      max: args.max,
      timeoutMs: args.timeoutMs,
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.timedOut ? 1 : 0;
  } finally {
    await producer.disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
