import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Flattens nested class-validator errors into `{field: "employee.email", message}`,
 * one per field: "is required" when it is absent, otherwise the first rule it
 * breaks in declaration order (class-validator lists them last-declared first).
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    const own: FieldError[] = [];
    if (messages.length > 0) {
      const absent = error.value === undefined || error.value === null;
      own.push({ field, message: absent ? `${error.property} is required` : messages[messages.length - 1] });
    }
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Validates untrusted input (an HTTP body, a Kafka message) against a contract class.
 * Unknown properties are dropped so that they never travel further.
 */
export function validatePayload<T extends object>(cls: ClassConstructor<T>, input: unknown): ValidationResult<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'body must be a JSON object' }] };
  }
  const value = plainToInstance(cls, input, { exposeDefaultValues: true });
  const errors = validateSync(value, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, errors: flattenValidationErrors(errors) };
  return { ok: true, value };
}
