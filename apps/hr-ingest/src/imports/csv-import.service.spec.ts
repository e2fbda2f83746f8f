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

  it('imports a termination again after a rehire: the same row after another is a new event', async () => {
    const leaver = `${HEADER}\nCSV-1,alan@example.com,Alan,Turing,Engineering,Full-Time,,2026-12-31\n`;
    const back = `${HEADER}\nCSV-1,alan@example.com,Alan,Turing,Engineering,Full-Time,,\n`;
    for (const file of [back, leaver, back, leaver]) expect((await service.import(stream(file))).accepted).toBe(1);
    expect(inbox.accepted.map((e) => e.type)).toEqual(['hire', 'terminate', 'rehire', 'terminate']);
    expect(await service.import(stream(leaver))).toMatchObject({ accepted: 0, duplicate: 1 });
  });

  it('rejects a row whose times are not RFC 3339, naming the column', async () => {
    const file = [
      `${HEADER},end_date,effective_at,time_zone`,
      'CSV-1,alan@example.com,Alan,Turing,Engineering,Contractor,,,20261231,,',
      'CSV-2,joan@example.com,Joan,Clarke,Research,Full-Time,,,,2026-W52,',
      'CSV-3,hedy@example.com,Hedy,Lamarr,Research,Full-Time,,,,2026-12-01T10:00:00.5+01,',
      'CSV-4,grace@example.com,Grace,Hopper,Research,Full-Time,,2026-02-30,,,',
      'CSV-5,ada@example.com,Ada,Lovelace,Research,Full-Time,,,,2026-12-01T09:00:00,Mars/Olympus',
      'CSV-6,ida@example.com,Ida,Rhodes,Research,Full-Time,,,,2026-12-01T09:00:00,Europe/Berlin',
    ].join('\n');
    const summary = await service.import(stream(file));
    expect(summary.rejections).toEqual([
      { line: 2, errors: [{ field: 'end_date', message: 'end_date must be a date such as 2026-12-01' }] },
      {
        line: 3,
        errors: [{ field: 'effective_at', message: expect.stringMatching(/^effective_at must be an instant/) }],
      },
      {
        line: 4,
        errors: [{ field: 'effective_at', message: expect.stringMatching(/^effective_at must be an instant/) }],
      },
      {
        line: 5,
        errors: [
          {
            field: 'termination_date',
            message: 'termination_date is not a real time: 2026-02-30 is not a day of the calendar',
          },
        ],
      },
      {
        line: 6,
        errors: [{ field: 'time_zone', message: 'time_zone must be an IANA time zone such as Europe/London' }],
      },
    ]);
    expect(inbox.accepted.map((e) => [e.employee.employeeId, e.effectiveAt])).toEqual([
      ['CSV-6', '2026-12-01T08:00:00.000Z'],
    ]);
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
