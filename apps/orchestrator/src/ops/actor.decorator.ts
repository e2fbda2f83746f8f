import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const ACTOR_HEADER = 'x-tenure-actor';
const ACTOR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/**
 * Who is acting (an operator's name, an approver's employeeId), from the
 * `X-Tenure-Actor` header; recorded with every decision they make.
 */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().headers[ACTOR_HEADER];
  if (typeof value !== 'string' || !ACTOR_PATTERN.test(value)) {
    throw new BadRequestException({
      errors: [
        {
          field: 'X-Tenure-Actor',
          message: 'X-Tenure-Actor is required: who acts (letters, digits and . _ : @ - only, up to 128)',
        },
      ],
    });
  }
  return value;
});
