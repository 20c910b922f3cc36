import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { defineStream } from '@lms/contracts';
import { uniqueSuffix } from '@lms/testing';
import { brokersFromEnv, ensureTopics } from '../src';

/** Topics as the services create them at start-up, on the real broker. */
describe('ensureTopics (real Kafka)', () => {
  const kafka = new Kafka({
    clientId: 'topic-provisioner-it',
    brokers: brokersFromEnv(process.env),
    logLevel: logLevel.NOTHING,
  });
  const stream = (name: string, compacted: boolean) =>
    defineStream({
      topic: `it.${name}-${uniqueSuffix()}.v1`,
      partitions: 2,
      owner: 'it',
      schemaVersion: 1,
      key: (envelope) => envelope.aggregateId,
      compacted,
      events: {},
    });

  async function cleanupPolicy(topic: string): Promise<string | undefined> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
      });
      return described.resources[0]?.configEntries.find((entry) => entry.configName === 'cleanup.policy')
        ?.configValue;
    } finally {
      await admin.disconnect();
    }
  }

  it('compacts the topic of a stream of full states, and only that one; twice is once', async () => {
    const fullStates = stream('full-states', true);
    const happenings = stream('happenings', false);

    await ensureTopics(kafka, { streams: [fullStates, happenings] });
    await ensureTopics(kafka, { streams: [fullStates, happenings] });

    expect(await cleanupPolicy(fullStates.topic)).toBe('compact');
    expect(await cleanupPolicy(happenings.topic)).toBe('delete');
  });
});
