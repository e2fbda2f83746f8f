import { CanActivate, ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** Other content types get 415 before the signature is checked: there would be no body to check. */
@Injectable()
export class RequireJsonGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('application/json')) {
      throw new UnsupportedMediaTypeException({
        errors: [{ field: '', message: 'Content-Type must be application/json' }],
      });
    }
    return true;
  }
}
