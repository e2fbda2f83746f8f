import { CanActivate, ExecutionContext, mixin, Type, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** Other content types get 415 before the body is looked at: there would be nothing to read. */
export function RequireContentType(...types: string[]): Type<CanActivate> {
  class ContentTypeGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      const request = context.switchToHttp().getRequest<Request>();
      if (types.length > 0 && !request.is(types)) {
        throw new UnsupportedMediaTypeException({
          errors: [{ field: '', message: `Content-Type must be ${types.join(' or ')}` }],
        });
      }
      return true;
    }
  }
  return mixin(ContentTypeGuard);
}
