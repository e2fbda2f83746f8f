import { AsyncLocalStorage } from 'node:async_hooks';
import { ConnectorException } from '../connectors/connector.exception';

/**
 * How soon an operation's requests should reach the app when its queue is
 * long. On a bad day (a first import of thousands of people, a layoff) an
 * app's rate limit is shared by everyone's requests: a leaver's disable must
 * not wait behind ten thousand creates, and housekeeping waits for both.
 */
export type Urgency = 'revocation' | 'provisioning' | 'housekeeping';

/** Bottleneck's priorities: 0 runs first, 9 last; its default is 5. */
export const URGENCY_PRIORITY: Record<Urgency, number> = { revocation: 1, provisioning: 5, housekeeping: 8 };

/** Who the requests a connector makes are for: how urgent they are, and whether the caller still waits for them. */
export interface CallerContext {
  urgency: Urgency;
  /** Aborted once the caller stopped waiting (its connection closed before the answer). */
  signal?: AbortSignal;
}

const PROVISIONING: CallerContext = { urgency: 'provisioning' };

const callers = new AsyncLocalStorage<CallerContext>();

/** The caller of the operation being carried out; requests made outside one (health probes) are provisioning. */
export const currentCaller = (): CallerContext => callers.getStore() ?? PROVISIONING;

/** Runs `work`, and everything it starts, on behalf of `caller`. */
export const onBehalfOf = <T>(caller: CallerContext, work: () => T): T => callers.run(caller, work);

/**
 * A request the gateway dropped before sending it, because its caller had
 * gone (it timed out and will try again). Nothing reached the app, so it says
 * nothing about the app's health. A temporary failure, should anyone still
 * read the answer.
 */
export class CallerGoneError extends ConnectorException {
  constructor(appId: string) {
    super('TEMPORARY', `the caller stopped waiting; the request was not sent to ${appId}`);
    this.name = 'CallerGoneError';
  }
}
