import { administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';
import { importUseCases, partsOf } from '../../testing/import-use-cases';
import { csvText, escapeFormula } from '../infra/csv-writer';

const ADMIN = administratorOf(TEST_TENANT);

describe('import files as uploaded (ID-I4)', () => {
  async function setUp(overrides: { maxFileBytes?: number } = {}) {
    const testbed = buildIdentityTestbed();
    const imports = importUseCases(testbed, overrides);
    const group = await testbed.givenGroup();
    return { testbed, imports, group };
  }

  const receive = (imports: ReturnType<typeof importUseCases>, content: string | Buffer) =>
    imports.receiveFile.execute({ tenantId: TEST_TENANT, fileName: 'f.csv', content: partsOf(content, 3) });

  it('given a BOM, semicolons and a quoted value across lines, then the file is read as the spreadsheet shows it', async () => {
    const { testbed, imports, group } = await setUp();
    const file = `\uFEFFEmail;First Name;Last Name;Role;Group ID;Extra information\r\nàda@example.com;"Àda; the\nfirst";Lovelace;3;${group.id};"NOTE=a ""quoted"" word"\r\n\r\n;;;;;\r\n`;

    const started = await imports.givenImportStarted(ADMIN, file);
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect(started).toMatchObject({
      delimiter: ';',
      rowsTotal: 1,
      columns: ['email', 'firstName', 'lastName', 'role', 'groupId', 'extraInformation'],
    });
    expect(await imports.reportOf(ADMIN, started.id)).toEqual([
      expect.objectContaining({ row: 2, column: 'Email', code: 'IMPORT_ROW.EMAIL_INVALID' }),
    ]);
    const fixed = file.replace('àda@', 'ada@');
    const again = await imports.givenImportStarted(ADMIN, fixed);
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: again.id });
    expect(await testbed.users.findByEmail(TEST_TENANT, 'ada@example.com')).toMatchObject({
      firstName: 'Àda; the\nfirst',
      customFields: { NOTE: 'a "quoted" word' },
    });
  });

  it.each([
    [
      'not UTF-8',
      Buffer.concat([
        Buffer.from('Email,Role,Group ID\r\nada@example.com,3,'),
        Buffer.from([0xff, 0xfe, 0x41]),
      ]),
      'IMPORT.FILE_ENCODING_INVALID',
    ],
    ['a quote never closed', 'Email,Role,Group ID\r\n"ada@example.com,3,g\r\n', 'IMPORT.FILE_MALFORMED'],
    ['nothing in it', '', 'IMPORT.FILE_EMPTY'],
  ])('given a file %s, then it is refused with its code and not kept', async (_what, content, code) => {
    const { imports } = await setUp();

    await expect(receive(imports, content)).rejects.toMatchObject({ code });
    expect(imports.files.files.size).toBe(0);
  });

  it('given a file past the largest size, then it is refused and not kept', async () => {
    const { imports } = await setUp({ maxFileBytes: 40 });

    await expect(receive(imports, `Email,Role,Group ID\r\n${'a'.repeat(40)}`)).rejects.toMatchObject({
      code: 'IMPORT.FILE_TOO_LARGE',
    });
    expect(imports.files.files.size).toBe(0);
  });

  it.each([
    ['Email,Role,Group ID,Shoe size', 'IMPORT.UNKNOWN_COLUMN', { header: 'Shoe size', position: 4 }],
    ['Email,Role,group id,GroupID', 'IMPORT.DUPLICATE_COLUMN', { header: 'GroupID', position: 4 }],
    ['Email,First Name,Group ID', 'IMPORT.MISSING_COLUMN', { header: 'Role' }],
    [',,', 'IMPORT.FILE_EMPTY', undefined],
  ])(
    'given the header "%s", then the import is refused with %s and its file dropped',
    async (header, code, details) => {
      const { imports } = await setUp();

      await expect(
        imports.givenImportStarted(ADMIN, `${header}\r\nada@example.com,3,g,x\r\n`),
      ).rejects.toMatchObject({
        code,
        ...(details ? { details: expect.objectContaining(details) } : {}),
      });
      expect(imports.files.files.size).toBe(0);
    },
  );

  it('given a users header in another case and with aliases, then it is taken', async () => {
    const { imports } = await setUp();

    const started = await imports.givenImportStarted(
      ADMIN,
      'E-mail,ROLE,group_id,Additional information,Label\r\n',
    );

    expect(started.columns).toEqual(['email', 'role', 'groupId', 'extraInformation', 'labels']);
  });
});

describe('CSV written out', () => {
  it('escapes every cell a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'plain', ''].map(escapeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      '',
    ]);
    expect(
      csvText([
        ['a', '=b'],
        ['c,d', 'e"f'],
      ]),
    ).toBe(`a,'=b\r\n"c,d","e""f"\r\n`);
  });
});
