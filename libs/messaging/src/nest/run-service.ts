import { createLogger } from '@lms/observability';
import { bootstrapService, SERVICE_ROUTE_PREFIX } from '@lms/service-kit';
import { KafkaEventsTransport } from './kafka-events.transport';

/**
 * The `main` of a platform service: its routes under `/v1`, its Kafka handlers (none is
 * fine: the transport then starts no consumer), and a fatal log line and exit code 1 when it
 * cannot start.
 */
export function runService(name: string, module: unknown): void {
  bootstrapService({
    module,
    globalPrefix: SERVICE_ROUTE_PREFIX,
    transport: (app) => app.get(KafkaEventsTransport),
  }).catch((error: unknown) => {
    createLogger(name).fatal({ err: error }, `${name} failed to start`);
    process.exit(1);
  });
}
