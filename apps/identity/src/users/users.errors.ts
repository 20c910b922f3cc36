import { ConflictError, NotFoundError } from '@lms/kernel';

export class UserNotFoundError extends NotFoundError {
  constructor(userId: string) {
    super('USER.NOT_FOUND', 'No such user.', { userId });
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('USER.EMAIL_TAKEN', 'A user with this email already exists.');
  }
}
