import { PlatformEnv } from './service-env';
import { InvalidEnvironmentError, validateEnv } from './validate-env';

const validate = validateEnv(PlatformEnv);
const INFRA = { MONGODB_URI: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('validateEnv(PlatformEnv)', () => {
  it('given only the infrastructure, then every other setting has its default', () => {
    expect({ ...validate(INFRA) }).toEqual({
      HOST: '127.0.0.1',
      PORT: 3000,
      LOG_LEVEL: 'info',
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CONSUMER_FROM_BEGINNING: true,
      KAFKA_REPLICATION_FACTOR: 1,
      TOKEN_ISSUER: 'coaching-platform-identity',
      IDENTITY_JWKS_URL: 'http://127.0.0.1:3101/v1/auth/jwks.json',
    });
  });

  it('converts numbers, lists and flags, and takes an empty variable as unset', () => {
    const env = validate({
      ...INFRA,
      PORT: '3101',
      KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9092 ,',
      KAFKA_CONSUMER_FROM_BEGINNING: 'false',
      KAFKA_CONSUMER_GROUP: '',
      LOG_LEVEL: 'debug',
    });
    expect(env).toMatchObject({
      PORT: 3101,
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      KAFKA_CONSUMER_FROM_BEGINNING: false,
      LOG_LEVEL: 'debug',
    });
    expect(env.KAFKA_CONSUMER_GROUP).toBeUndefined();
  });

  it('given several bad settings, then one error names each of them', () => {
    let error: unknown;
    try {
      validate({ PORT: '70000', KAFKA_BROKERS: 'no-port', LOG_LEVEL: 'loud', KAFKA_REPLICATION_FACTOR: 'x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const problems = (error as InvalidEnvironmentError).problems.join('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'MONGODB_URI', 'KAFKA_BROKERS', 'KAFKA_REPLICATION_FACTOR'])
      expect(problems).toContain(name);
    expect(problems).toContain('"70000"');
  });
});
