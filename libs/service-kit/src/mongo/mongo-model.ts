import { Inject, type FactoryProvider } from '@nestjs/common';
import type { Connection, Model, Schema } from 'mongoose';
import { MONGO_CONNECTION } from './mongo.module';

/** The injection token of the service connection's model called `name`. */
export function modelToken(name: string): string {
  return `mongo-model:${name}`;
}

/**
 * Provides the model `name` of the service's connection, for a feature module's `providers`;
 * its repository takes it with {@link InjectModel}. Every model is made here, so that the
 * connection knows them all at start-up (their indexes, the outbox relay's collections).
 */
export function mongoModel<T>(name: string, schema: Schema<T>): FactoryProvider<Model<T>> {
  return {
    provide: modelToken(name),
    inject: [MONGO_CONNECTION],
    useFactory: (connection: Connection) => connection.model<T>(name, schema),
  };
}

/** Injects the model a feature module provides with {@link mongoModel}. */
export function InjectModel(name: string): PropertyDecorator & ParameterDecorator {
  return Inject(modelToken(name));
}
