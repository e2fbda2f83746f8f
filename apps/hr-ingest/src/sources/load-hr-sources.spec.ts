import { ConfigFileError } from '@tenure/config';
import { parseHrSources } from './load-hr-sources';

const FILE = 'config/hr-sources.yaml';

function problemOf(text: string): string {
  try {
    parseHrSources(FILE, text, {});
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('config/hr-sources.yaml', () => {
  it('reads rate limits from the environment with defaults', () => {
    const text = 'sources:\n  generic:\n    rateLimit:\n      requests: "${LIMIT:-50}"\n';
    expect(parseHrSources(FILE, text, {}).sources.generic?.rateLimit).toMatchObject({ requests: 50, perSeconds: 1 });
    expect(parseHrSources(FILE, text, { LIMIT: '7' }).sources.generic?.rateLimit?.requests).toBe(7);
  });

  it('names the file, the path and the problem', () => {
    expect(problemOf('sources:\n  csv:\n    mapping:\n      fields: { id: employeeId, mail: e-mail }\n')).toBe(
      `${FILE}: sources.csv.mapping.fields: each value must be a Tenure field: employeeId, email, givenName, familyName, department, title, location, timeZone, managerId, employmentType, endDate, eventId, type, effectiveAt`,
    );
    expect(
      problemOf(
        'sources:\n  bamboohr:\n    mapping:\n      fields: { id: employeeId }\n      values: { employmentType: { FT: staff } }\n',
      ),
    ).toContain('sources.bamboohr.mapping.values.employmentType: each value must be an employment type');
    expect(problemOf('sources:\n  generic:\n    rateLimit: { requests: lots }\n')).toContain(
      'sources.generic.rateLimit.requests:',
    );
  });

  it('requires a mapping that names the employee id for sources not in Tenure shape', () => {
    expect(problemOf('sources:\n  bamboohr: {}\n')).toBe(
      `${FILE}: sources.bamboohr: mapping is required for this source`,
    );
    expect(problemOf('sources:\n  csv:\n    mapping:\n      fields: { email: email }\n')).toBe(
      `${FILE}: sources.csv.mapping.fields: one field must map to employeeId`,
    );
  });

  it('names an unknown source or key instead of ignoring a typo', () => {
    expect(problemOf('sources:\n  workday: {}\n')).toContain('sources: unknown key workday');
  });
});
