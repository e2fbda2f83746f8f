import { registerDecorator, ValidationOptions } from 'class-validator';
import { isKnownTimeZone } from '@tenure/domain';

/** Accepts IANA zone names (`Europe/London`), so schedules can use the person's local time. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: '$property must be an IANA time zone such as Europe/London', ...options },
      validator: { validate: isKnownTimeZone },
    });
}
