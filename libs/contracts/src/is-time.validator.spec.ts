import { IsOptional } from 'class-validator';
import { IsCanonicalTime, IsInstant, IsTime } from './is-time.validator';
import { validatePayload } from './validate-payload';

class Window {
  @IsCanonicalTime({ forms: ['instant'] })
  from: string;

  @IsOptional()
  @IsInstant()
  to?: string;

  @IsOptional()
  @IsTime({ forms: ['date'] })
  endDate?: string;
}

describe('IsTime, IsInstant and IsCanonicalTime', () => {
  it('rewrites an accepted instant to UTC', () => {
    expect(validatePayload(Window, { from: '2026-12-01T10:00:00.5+01:00', to: '2026-12-02T00:00:00Z' })).toEqual({
      ok: true,
      value: expect.objectContaining({ from: '2026-12-01T09:00:00.500Z', to: '2026-12-02T00:00:00Z' }),
    });
  });

  it('names the field and says what it must be, or why it is not a real time', () => {
    expect(
      validatePayload(Window, { from: '20261231', to: '2026-02-30T00:00:00Z', endDate: '2026-12-31T00:00:00Z' }),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'from',
          message: 'from must be an instant with an offset such as 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z',
        },
        { field: 'to', message: 'to is not a real time: 2026-02-30 is not a day of the calendar' },
        { field: 'endDate', message: 'endDate must be a date such as 2026-12-01' },
      ],
    });
  });

  it('refuses what is not text', () => {
    expect(validatePayload(Window, { from: 1_764_579_600 })).toMatchObject({ ok: false, errors: [{ field: 'from' }] });
  });
});
