import { isGrpcServiceError, ServiceError, ValueError } from '@temporalio/client';

/** gRPC's INVALID_ARGUMENT: the server will refuse the same request every time. */
const INVALID_ARGUMENT = 3;

/**
 * Why Temporal refused a request because of what it carries (an argument it
 * will never accept, a payload it cannot convert), or undefined when the
 * refusal may pass when tried again: Temporal unavailable, overloaded, slow
 * to answer, or not yet set up (an unknown namespace).
 */
export function contentRefusalOf(error: unknown): string | undefined {
  if (error instanceof ValueError) return `payload cannot be converted: ${error.message}`;
  const grpc = error instanceof ServiceError ? error.cause : error;
  if (isGrpcServiceError(grpc) && grpc.code === INVALID_ARGUMENT) {
    return `Temporal refused the event: ${grpc.details || grpc.message}`;
  }
  return undefined;
}
