import { ServiceError, ValueError } from '@temporalio/client';
import { contentRefusalOf } from './temporal-refusal';

/** A gRPC error as @grpc/grpc-js raises it. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

describe('what Temporal refuses for the content of an event', () => {
  it('is a refusal of an argument Temporal will never accept', () => {
    const refused = new ServiceError('Failed to signalWithStart', { cause: grpcError(3, 'WorkflowId exceeds length') });
    expect(contentRefusalOf(refused)).toBe('Temporal refused the event: WorkflowId exceeds length');
  });

  it('is a payload that cannot be converted', () => {
    expect(contentRefusalOf(new ValueError('Unable to serialize'))).toBe(
      'payload cannot be converted: Unable to serialize',
    );
  });

  it.each([
    ['unavailable', 14],
    ['deadline exceeded', 4],
    ['resource exhausted', 8],
    ['unknown namespace', 5],
  ])('is never Temporal being %s (retried in place)', (_what, code) => {
    expect(contentRefusalOf(new ServiceError('Failed', { cause: grpcError(code, 'try later') }))).toBeUndefined();
  });

  it('is never a connection error', () => {
    expect(contentRefusalOf(new Error('connect ECONNREFUSED 127.0.0.1:7233'))).toBeUndefined();
  });
});
