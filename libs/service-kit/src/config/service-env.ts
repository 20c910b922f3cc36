import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The settings every process of the platform reads, as a schema: each service's
 * configuration module extends it (or {@link PlatformEnv}) with its own settings and sets its
 * default `PORT`. Defaults are the property initialisers.
 */
export class ServiceEnv {
  /** Address the HTTP server binds to. */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /** Port the HTTP server listens on. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  PORT = 3000;

  /** Log level (pino): `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** `iss` of the access tokens identity signs; every verifier expects it. */
  @IsString()
  @IsNotEmpty()
  TOKEN_ISSUER = 'coaching-platform-identity';

  /** Where identity publishes the public keys of its access tokens. */
  @Matches(/^https?:\/\/\S+$/, { message: 'IDENTITY_JWKS_URL must be an http:// or https:// URL' })
  IDENTITY_JWKS_URL = 'http://127.0.0.1:3101/v1/auth/jwks.json';
}

/** The settings of a service with a database and Kafka: {@link ServiceEnv} and the infrastructure's. */
export class PlatformEnv extends ServiceEnv {
  /** e.g. `mongodb://127.0.0.1:27017/?directConnection=true`. */
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGODB_URI must be a mongodb:// or mongodb+srv:// URL' })
  MONGODB_URI!: string;

  /** The service's database; defaults to the service's name. */
  @IsOptional()
  @IsString()
  MONGODB_DB?: string;

  /** Comma-separated `host:port` list. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port' })
  @Matches(/^[\w.-]+:\d{1,5}$/, {
    each: true,
    message: 'KAFKA_BROKERS must be a comma-separated host:port list',
  })
  KAFKA_BROKERS!: string[];

  /** Consumer group of the service's handlers; defaults to the service's name. */
  @IsOptional()
  @IsString()
  KAFKA_CONSUMER_GROUP?: string;

  /** Where a new consumer group starts: the beginning of each topic (default) or its end. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() !== 'false' : value,
  )
  @IsBoolean()
  KAFKA_CONSUMER_FROM_BEGINNING = true;

  /** Replication factor of the topics the service creates. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  KAFKA_REPLICATION_FACTOR = 1;
}

/** What the job runner of a service takes from its settings (rule 6). */
export interface JobRunnerSettings {
  /** How soon another instance takes over the job of a crashed one. */
  leaseMs: number;
  /** How often an idle instance looks for due jobs. */
  pollIntervalMs: number;
}

/** The settings of a service that runs long work as leased jobs: {@link PlatformEnv} and the runner's. */
export class JobsEnv extends PlatformEnv {
  /** How soon another instance takes over the job of a crashed one (rule 6). */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(600_000)
  JOB_LEASE_MS = 15_000;

  /** How often an idle instance looks for due jobs. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  JOB_POLL_INTERVAL_MS = 1_000;
}

export function jobRunnerSettings(env: JobsEnv): JobRunnerSettings {
  return { leaseMs: env.JOB_LEASE_MS, pollIntervalMs: env.JOB_POLL_INTERVAL_MS };
}
