import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { canonicalText, readTime, TIME_FORMS, TimeForm } from '@tenure/domain';

export interface IsTimeOptions extends ValidationOptions {
  /** The forms the field accepts (default: an instant, a local time or a date). */
  forms?: readonly TimeForm[];
}

/**
 * A time in one of the forms Tenure accepts (RFC 3339, see @tenure/domain
 * readTime); the error names the field and says what it must be, or why the
 * value is not a real time (2026-02-30, 24:00, an offset beyond ±14:00).
 */
export function IsTime(options: IsTimeOptions = {}): PropertyDecorator {
  const { forms = TIME_FORMS, ...validation } = options;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTime',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: {
        message: (args: ValidationArguments) => {
          const reading = readTime(args.value, forms);
          return `${args.property} ${reading.ok ? 'is not accepted' : reading.reason}`;
        },
        ...validation,
      },
      validator: { validate: (value: unknown) => readTime(value, forms).ok },
    });
}

/** An instant only (with an offset or Z): for APIs with no person whose zone could place a local time. */
export const IsInstant = (options: ValidationOptions = {}): PropertyDecorator =>
  IsTime({ ...options, forms: ['instant'] });

/**
 * IsTime, and a valid value rewritten to its canonical text (an instant in
 * UTC, `2026-12-01T08:00:00.000Z`; a local time with seconds; a date), so the
 * code behind the API never reads a sender's own spelling.
 */
export function IsCanonicalTime(options: IsTimeOptions = {}): PropertyDecorator {
  const forms = options.forms ?? TIME_FORMS;
  const normalise = Transform(({ value }) => {
    const reading = readTime(value, forms);
    return reading.ok ? canonicalText(reading.time) : value;
  });
  const check = IsTime(options);
  return (target, key) => {
    normalise(target, key);
    check(target, key);
  };
}
