import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PermissionProfilesStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ApplyProfileDefinitionsUseCase } from './use-cases/apply-profile-definitions.use-case';

type ProfileDefined = EnvelopeOf<typeof PermissionProfilesStream.events, 'permission-profile.defined'>;

/** Kafka adapter: identity's permission profiles, in batches (rule 8), keep the projection of their rights (ID-U2). */
@Controller()
export class PermissionProfileEventsConsumer {
  constructor(private readonly applyDefinitions: ApplyProfileDefinitionsUseCase) {}

  @OnEventBatch(PermissionProfilesStream, ['permission-profile.defined'])
  async onProfilesDefined(@Payload() events: ProfileDefined[]): Promise<void> {
    await this.applyDefinitions.execute(
      events.map((event) => ({
        tenantId: event.tenantId,
        profileId: event.payload.profileId,
        name: event.payload.name,
        rights: [...event.payload.rights],
        version: event.aggregateVersion,
      })),
    );
  }
}
