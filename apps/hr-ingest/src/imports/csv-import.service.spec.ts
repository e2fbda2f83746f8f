import { Readable } from 'node:stream';
import { FakeInbox, shippedSources } from '../../test/fake-inbox';
import { CsvImportService } from './csv-import.service';

const HEADER = 'employee_id,email,first_name,last_name,department,employment_type,manager_id,termination_date';

/** Delivers the file in small chunks, as a network would, so rows cross chunk boundaries. */
function stream(text: string): Readable {
  const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

describe('CsvImportService', () => {
  let inbox: FakeInbox;
  let service: CsvImportService;

  beforeEach(() => {
    inbox = new FakeInbox();
    service = new CsvImportService(inbox.asService(), shippedSources());
  });

  it('imports rows through the csv mapping and reports each rejected row with its line and reasons', async () => {
    const file = [
      HEADER,
      'CSV-1,alan@example.com,Alan,Turing,Engineering,Full-Time,,',
      'CSV-2,not-an-email,Joan,Clarke,Research,Contractor,CSV-1,',
      '"CSV-3","hedy@example.com","Hedy","Lamarr, Actress",Research,Contractor,CSV-1,',
      'CSV-1,alan@example.com,Alan,Turing,Engineering,Full-Time,,2026-12-31',
      'CSV-4,only-three,columns',
    ].join('\n');
    const summary = await service.import(stream(file));
    expect(summary).toMatchObject({ rows: 5, accepted: 3, duplicate: 0, rejected: 2, rejectionsTruncated: false });
    expect(summary.rejections).toEqual([
      { line: 3, errors: [{ field: 'email', message: 'email must be an email address' }] },
      { line: 6, errors: [{ field: '', message: expect.stringMatching(/column/i) }] },
    ]);
    expect(inbox.accepted.map((e) => [e.employee.employeeId, e.type, e.effectiveAt.slice(0, 10)])).toEqual([
      ['CSV-1', 'hire', expect.any(String)],
      ['CSV-3', 'hire', expect.any(String)],
      ['CSV-1', 'terminate', '2026-12-31'],
    ]);
    expect(inbox.accepted[1].employee).toMatchObject({ familyName: 'Lamarr, Actress', employmentType: 'contractor' });
  });

  it('counts a file imported again as duplicates, row by row', async () => {
    const file = `${HEADER}\nCSV-1,alan@example.com,Alan,Turing,Engineering,Full-Time,,\n`;
    await service.import(stream(file));
    expect(await service.import(stream(file))).toMatchObject({ rows: 1, accepted: 0, duplicate: 1, rejected: 0 });
  });

  it('refuses a file whose header lacks the employee id column', async () => {
    await expect(service.import(stream('id,email\n1,a@example.com\n'))).rejects.toMatchObject({
      response: { errors: [{ field: 'header', message: expect.stringContaining('employee_id') }] },
    });
  });

  it('lists at most 100 rejections but counts them all', async () => {
    const rows = [...Array(150).keys()].map((n) => `CSV-${n},bad-email,A,B,,,,`);
    const summary = await service.import(stream([HEADER, ...rows].join('\n')));
    expect(summary).toMatchObject({ rows: 150, rejected: 150, rejectionsTruncated: true });
    expect(summary.rejections).toHaveLength(100);
  });
});
