const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant in UTC from what HR systems write: a date-time with its offset,
 * or a date alone (its start, or for a last working day its end, in UTC).
 * Undefined when the text is neither.
 */
export function toInstant(text: string, dateMeans: 'start' | 'end' = 'start'): string | undefined {
  if (DATE_ONLY.test(text)) {
    const instant = new Date(`${text}T${dateMeans === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
    return Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 10) !== text
      ? undefined
      : instant.toISOString();
  }
  if (!DATE_TIME.test(text)) return undefined;
  const normalised = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(normalised);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
