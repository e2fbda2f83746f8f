import { ConnectorException } from '../connectors/connector.exception';
import { CircuitBreaker } from './circuit-breaker';

const appFailure = (error: unknown) => error instanceof ConnectorException && error.code === 'TEMPORARY';
const unavailable = () => Promise.reject(new ConnectorException('TEMPORARY', 'HTTP 503'));
const refused = () => Promise.reject(new ConnectorException('INVALID', 'bad email'));
const fine = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, openMs: 10_000, now: () => now });

  beforeEach(() => {
    now = Date.parse('2026-01-01T00:00:00Z');
  });

  it('opens after the threshold of consecutive app failures and then fails fast with a retry-after', async () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) await expect(circuit.run(unavailable, appFailure)).rejects.toThrow('HTTP 503');
    expect(circuit.health()).toEqual({
      circuit: 'open',
      consecutiveFailures: 3,
      openUntil: '2026-01-01T00:00:10.000Z',
    });
    const work = jest.fn(fine);
    now += 4_000;
    await expect(circuit.run(work, appFailure)).rejects.toMatchObject({ code: 'TEMPORARY', retryAfterSeconds: 6 });
    expect(work).not.toHaveBeenCalled();
  });

  it('does not count refusals of bad data, and a success resets the count', async () => {
    const circuit = breaker();
    await expect(circuit.run(unavailable, appFailure)).rejects.toThrow();
    await expect(circuit.run(unavailable, appFailure)).rejects.toThrow();
    await expect(circuit.run(refused, appFailure)).rejects.toThrow('bad email');
    expect(circuit.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
    await expect(circuit.run(unavailable, appFailure)).rejects.toThrow();
    await circuit.run(fine, appFailure);
    expect(circuit.health().consecutiveFailures).toBe(0);
  });

  it('lets one probe through when half-open: success closes it, failure opens it again', async () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) await expect(circuit.run(unavailable, appFailure)).rejects.toThrow();
    now += 10_000;
    expect(circuit.state).toBe('half_open');
    await expect(circuit.run(unavailable, appFailure)).rejects.toThrow('HTTP 503');
    expect(circuit.state).toBe('open');
    now += 10_000;

    let release: (value: string) => void = () => undefined;
    const probe = circuit.run(() => new Promise<string>((resolve) => (release = resolve)), appFailure);
    await expect(circuit.run(fine, appFailure)).rejects.toMatchObject({ code: 'TEMPORARY' });
    release('ok');
    await expect(probe).resolves.toBe('ok');
    expect(circuit.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
  });
});
