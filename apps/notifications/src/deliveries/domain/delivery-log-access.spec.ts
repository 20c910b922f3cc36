import { deliveryLogScope } from './delivery-log-access';

describe('deliveryLogScope (NO-5)', () => {
  const administrator = { userId: 'admin', administrator: true };
  const user = { userId: 'ada', administrator: false };

  it('given an administrator, then it reads the whole tenant, or the recipient it asks for', () => {
    expect(deliveryLogScope(administrator)).toEqual({ outcome: 'allowed', recipientId: undefined });
    expect(deliveryLogScope(administrator, 'bruno')).toEqual({ outcome: 'allowed', recipientId: 'bruno' });
  });

  it('given any other user, then it reads only its own deliveries, whether it names itself or nobody', () => {
    expect(deliveryLogScope(user)).toEqual({ outcome: 'allowed', recipientId: 'ada' });
    expect(deliveryLogScope(user, 'ada')).toEqual({ outcome: 'allowed', recipientId: 'ada' });
  });

  it("given any other user asking for someone else's deliveries, then it is refused", () => {
    expect(deliveryLogScope(user, 'bruno')).toEqual({ outcome: 'forbidden' });
  });

  it('given a caller that is no user and no administrator, then it is refused', () => {
    expect(deliveryLogScope({ userId: null, administrator: false })).toEqual({ outcome: 'forbidden' });
  });
});
