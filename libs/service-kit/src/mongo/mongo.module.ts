import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import mongoose, { type Connection } from 'mongoose';
import type { PlatformEnv } from '../config/service-env';
import { HealthRegistry } from '../health/health-registry';
import { IdempotencyInterceptor } from '../http/idempotency/idempotent';
import { IdempotencyStore } from '../http/idempotency/idempotency-store';

export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');

/**
 * How long the first request with an `Idempotency-Key` holds it (a retry after that runs it
 * again: the first one died), and how long its answer is kept for retries.
 */
const IDEMPOTENCY_RETENTION = { leaseMs: 30_000, retentionMs: 24 * 60 * 60 * 1000 };

/** Something that must finish before the database closes (the outbox relay's last flush). */
export interface BeforeDatabaseClose {
  stop(): Promise<void>;
}
export const BEFORE_DATABASE_CLOSE = Symbol('BEFORE_DATABASE_CLOSE');

export interface MongoModuleOptions {
  /** Each service has its own database: `MONGODB_DB` when set, else this name. */
  dbName: string;
}

@Injectable()
class MongoLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    private readonly health: HealthRegistry,
    private readonly idempotency: IdempotencyStore,
    @Optional() @Inject(BEFORE_DATABASE_CLOSE) private readonly beforeClose?: BeforeDatabaseClose,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register({
      name: 'mongodb',
      isReady: async () => {
        const db = this.connection.db;
        if (!db) return false;
        await db.command({ ping: 1 });
        return true;
      },
    });
    // Unique indexes guard idempotency: they must exist before the first request. Each model
    // first finishes creating its collection (mongoose starts that when the model is made):
    // an index created meanwhile races it, and the local stand-in then refuses one of the two
    // ("already existed"), which stopped a service's first start.
    await Promise.all([
      ...Object.values(this.connection.models).map(async (model) => {
        await model.init();
        await model.createIndexes();
      }),
      this.idempotency.ensureIndexes(),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeClose?.stop();
    await this.connection.close();
  }
}

@Global()
@Module({})
export class MongoModule {
  static forRoot(options: MongoModuleOptions): DynamicModule {
    return {
      module: MongoModule,
      providers: [
        {
          provide: MONGO_CONNECTION,
          inject: [ConfigService],
          useFactory: async (config: ConfigService<PlatformEnv, true>): Promise<Connection> => {
            mongoose.set('strictQuery', true);
            const connection = mongoose.createConnection(config.get('MONGODB_URI', { infer: true }), {
              dbName: config.get('MONGODB_DB', { infer: true }) ?? options.dbName,
              sanitizeFilter: true,
              autoIndex: false,
              serverSelectionTimeoutMS: 10_000,
            });
            return connection.asPromise();
          },
        },
        {
          provide: IdempotencyStore,
          inject: [MONGO_CONNECTION],
          useFactory: (connection: Connection): IdempotencyStore => {
            if (!connection.db) throw new Error('The database connection is not open');
            return new IdempotencyStore(connection.db, IDEMPOTENCY_RETENTION);
          },
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        MongoLifecycle,
      ],
      exports: [MONGO_CONNECTION],
    };
  }
}
