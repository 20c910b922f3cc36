import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '@lms/service-kit';
import { CreateTenantRequestDto } from './create-tenant.request.dto';
import { UpdateTenantRequestDto } from './update-tenant.request.dto';

const newTenant = {
  code: 'acme',
  name: 'Acme Academy',
  administrator: {
    email: 'ada@acme.example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    password: 'correct horse battery',
  },
};

/** What the service's validation pipe makes of a request body: the DTO, or the 400 it answers. */
async function validated(metatype: ArgumentMetadata['metatype'], body: unknown): Promise<unknown> {
  return createValidationPipe().transform(body, { type: 'body', metatype });
}

/** The fields a refused body names, with the code of its 400 answer. */
async function refusal(metatype: ArgumentMetadata['metatype'], body: unknown) {
  const error: unknown = await validated(metatype, body).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof BadRequestException)) throw new Error('expected the body to be refused');
  const response = error.getResponse() as { code: string; errors: Array<{ field: string }> };
  return { status: error.getStatus(), code: response.code, fields: response.errors.map((e) => e.field) };
}

describe('tenant request bodies (ID-T2)', () => {
  it('given a new tenant with an IANA time zone, or none, then it is accepted as sent', async () => {
    expect(await validated(CreateTenantRequestDto, { ...newTenant, timezone: 'Asia/Tokyo' })).toMatchObject({
      timezone: 'Asia/Tokyo',
    });
    expect(await validated(CreateTenantRequestDto, newTenant)).not.toHaveProperty('timezone');
  });

  it.each([['Mars/Olympus_Mons'], ['CEST'], [''], [42]])(
    'given a new tenant with the time zone %j, then 400 REQUEST.VALIDATION_FAILED naming timezone',
    async (timezone) => {
      expect(await refusal(CreateTenantRequestDto, { ...newTenant, timezone })).toEqual({
        status: 400,
        code: 'REQUEST.VALIDATION_FAILED',
        fields: ['timezone'],
      });
    },
  );

  it('given an edit of the time zone, the name, both or neither, then it is accepted', async () => {
    expect(await validated(UpdateTenantRequestDto, { timezone: 'Europe/Rome' })).toEqual({
      timezone: 'Europe/Rome',
    });
    expect(await validated(UpdateTenantRequestDto, { name: ' Acme ' })).toEqual({ name: 'Acme' });
    expect(await validated(UpdateTenantRequestDto, { name: 'Acme', timezone: 'America/New_York' })).toEqual({
      name: 'Acme',
      timezone: 'America/New_York',
    });
    expect(await validated(UpdateTenantRequestDto, {})).toEqual({});
  });

  it.each([
    [{ timezone: 'Europe/Atlantis' }, 'timezone'],
    [{ timezone: null }, 'timezone'],
    [{ name: '  ' }, 'name'],
    [{ name: null }, 'name'],
  ])('given the edit %j, then 400 REQUEST.VALIDATION_FAILED naming %s', async (body, field) => {
    expect(await refusal(UpdateTenantRequestDto, body)).toEqual({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      fields: [field],
    });
  });
});
