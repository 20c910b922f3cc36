import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { AssignmentEndedV1, MembershipAddedV1 } from '@lms/contracts';
import { payloadSchemaOf, type SchemaRegistry } from './payload-schema';

class PlaceV1 {
  @IsString() city!: string;
}

class EverythingV1 {
  @IsUUID() id!: string;
  @IsEmail() email!: string;
  @IsString() @Length(2, 10) locale!: string;
  @IsIn(['a', 'b']) kind!: 'a' | 'b';
  @IsInt() @Min(1) attempts!: number;
  @IsISO8601() at!: string;
  @IsOptional() @IsString() note?: string | null;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true }) ids!: string[];
  @ValidateIf((o: EverythingV1) => o.kind === 'b') @IsUUID() onlyForB!: string | null;
  @ValidateNested() place!: PlaceV1;
}

class ChildV1 extends EverythingV1 {
  @IsString() extra!: string;
}

describe('payloadSchemaOf', () => {
  it('maps each class-validator rule onto JSON Schema', () => {
    const schema = payloadSchemaOf(EverythingV1);

    expect(schema.properties).toEqual({
      id: { type: 'string', format: 'uuid' },
      email: { type: 'string', format: 'email' },
      locale: { type: 'string', minLength: 2, maxLength: 10 },
      kind: { type: 'string', enum: ['a', 'b'] },
      attempts: { type: 'integer', minimum: 1 },
      at: { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] },
      note: { type: ['string', 'null'] },
      ids: { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, uniqueItems: true },
      onlyForB: {
        description:
          'Validated only under a condition of the contract (`@ValidateIf`); otherwise may be null.',
        type: ['string', 'null'],
        format: 'uuid',
      },
      place: { $ref: '#/components/schemas/PlaceV1' },
    });
  });

  it('requires every property but the optional and the conditional ones', () => {
    expect(payloadSchemaOf(EverythingV1).required).toEqual([
      'id',
      'email',
      'locale',
      'kind',
      'attempts',
      'at',
      'ids',
      'place',
    ]);
  });

  it('collects nested classes for the components section', () => {
    const nested: SchemaRegistry = new Map();
    payloadSchemaOf(EverythingV1, nested);

    expect(nested.get('PlaceV1')).toEqual({
      title: 'PlaceV1',
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    });
  });

  it('lists inherited properties first, then the subclass ones', () => {
    const names = Object.keys(payloadSchemaOf(ChildV1).properties ?? {});

    expect(names[0]).toBe('id');
    expect(names[names.length - 1]).toBe('extra');
  });

  it('describes real contracts: enums of arrays, inherited state and its own fields', () => {
    expect(payloadSchemaOf(MembershipAddedV1).properties?.roles).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: expect.arrayContaining(['learner', 'coach']) },
      minItems: 1,
    });
    const ended = payloadSchemaOf(AssignmentEndedV1);
    expect(ended.required).toEqual(expect.arrayContaining(['assignmentId', 'menteeId', 'endedAt', 'reason']));
    expect(ended.required).not.toContain('endDate');
  });

  it('refuses a rule it cannot describe, naming the class and property', () => {
    class AlwaysTrue implements ValidatorConstraintInterface {
      validate(): boolean {
        return true;
      }
    }
    class OddV1 {
      @Validate(AlwaysTrue) odd!: string;
    }

    expect(() => payloadSchemaOf(OddV1)).toThrow('OddV1.odd: no JSON Schema mapping');
  });
});
