import { NotFoundError } from '@lms/kernel';

export class GroupNotFoundError extends NotFoundError {
  constructor(groupId: string) {
    super('GROUP.NOT_FOUND', 'No such group.', { groupId });
  }
}
