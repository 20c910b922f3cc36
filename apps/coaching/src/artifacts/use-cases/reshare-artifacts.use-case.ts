import { Inject, Injectable } from '@nestjs/common';
import { planReshare, type ReshareRequest } from '../domain/reshare-plan';
import { ARTIFACT_SHARE_REPOSITORY, type ArtifactShareRepository } from '../ports/artifact-share.repository';

/**
 * CO-A7's re-share, after a transfer that asked for it: the mentee's shares with the coaches
 * who left move to the new coaches (see `planReshare`). New shares are written before the old
 * ones are removed, so that a crash in between leaves the new coaches their access and the
 * next delivery of the transfer removes what is left; applied again, it changes nothing.
 */
@Injectable()
export class ReshareArtifactsUseCase {
  constructor(@Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository) {}

  async execute(request: ReshareRequest): Promise<{ moved: number }> {
    const held = await this.shares.listOfOwnerHeldBy(request.tenantId, request.menteeId, [
      ...request.previousCoachIds,
      ...request.coachIds,
    ]);
    const plan = planReshare(held, request);
    await this.shares.putMany(plan.put);
    await this.shares.removeMany(
      request.tenantId,
      plan.remove.map((share) => share.id),
    );
    return { moved: plan.remove.length };
  }
}
