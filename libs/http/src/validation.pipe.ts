import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@tenure/contracts';

/** Body and query validation with the contract's error shape: `400 {"errors": [{"field", "message"}]}`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new BadRequestException({ errors: flattenValidationErrors(errors) }),
  });
}
