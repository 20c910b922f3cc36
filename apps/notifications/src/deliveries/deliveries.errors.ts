import { ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class DeliveryNotFoundError extends NotFoundError {
  constructor(deliveryId: string) {
    super('DELIVERY.NOT_FOUND', 'No such delivery.', { deliveryId });
  }
}

/** NO-5: only a delivery parked as failed is sent again by hand; the others are sent, cancelled or on their way. */
export class DeliveryNotFailedError extends ConflictError {
  constructor(deliveryId: string, status: string) {
    super('DELIVERY.NOT_FAILED', 'Only a delivery parked as failed can be retried.', { deliveryId, status });
  }
}

/** NO-5: a user who administers nothing reads only the deliveries addressed to it. */
export class DeliveryLogForbiddenError extends DomainError {
  constructor() {
    super(
      'DELIVERY.FORBIDDEN',
      'forbidden',
      'Only administrators read the deliveries of other users; you may read your own.',
    );
  }
}
