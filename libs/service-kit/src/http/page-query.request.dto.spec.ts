import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, validateSync } from 'class-validator';
import { PageQueryDto } from './page-query.request.dto';

class ListThingsQueryDto extends PageQueryDto {
  @IsOptional() @IsString() name?: string;
}

/** What the validation pipe does with a query string: transform, then validate. */
function parse(query: Record<string, string>): { dto: ListThingsQueryDto; invalid: string[] } {
  const dto = plainToInstance(ListThingsQueryDto, query);
  const invalid = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);
  return { dto, invalid };
}

describe('PageQueryDto', () => {
  it('given no paging parameter, then the first page of 50', () => {
    const { dto, invalid } = parse({ name: 'x' });

    expect(invalid).toEqual([]);
    expect(dto).toMatchObject({ limit: 50, name: 'x' });
    expect(dto.cursor).toBeUndefined();
  });

  it('given a limit as a query string and a cursor, then a number and the cursor', () => {
    const { dto, invalid } = parse({ limit: '200', cursor: 'eyJvIjoiX2lkOjEiLCJ2IjpbIngiXX0' });

    expect(invalid).toEqual([]);
    expect(PageQueryDto.pageOf(dto)).toEqual({ limit: 200, cursor: 'eyJvIjoiX2lkOjEiLCJ2IjpbIngiXX0' });
  });

  it.each([
    [{ limit: '201' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: 'a+b/c=' }, 'cursor'],
    [{ cursor: 'a'.repeat(513) }, 'cursor'],
    [{ offset: '10' }, 'offset'],
  ])('refuses %j', (query, field) => {
    expect(parse(query).invalid).toEqual([field]);
  });
});
