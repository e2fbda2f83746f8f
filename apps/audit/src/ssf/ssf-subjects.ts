/** The subject formats a receiver may add to a stream. */
export const SUBJECT_FORMATS = ['opaque', 'email', 'iss_sub'] as const;
export type SubjectFormat = (typeof SUBJECT_FORMATS)[number];

export interface SimpleSubject {
  format: SubjectFormat;
  id?: string;
  email?: string;
  iss?: string;
  sub?: string;
}

/** A subject as one text (formats never clash); e-mail addresses compare without case. */
export function subjectKey(subject: SimpleSubject): string {
  switch (subject.format) {
    case 'opaque':
      return `opaque:${subject.id}`;
    case 'email':
      return `email:${(subject.email ?? '').toLowerCase()}`;
    case 'iss_sub':
      return `iss_sub:${(subject.iss ?? '').replace(/\/$/, '')} ${subject.sub}`;
  }
}

/** Only the identifiers of the subject's format are kept (a stray field of another format is not). */
export function storedSubject(subject: SimpleSubject): SimpleSubject {
  switch (subject.format) {
    case 'opaque':
      return { format: 'opaque', id: subject.id };
    case 'email':
      return { format: 'email', email: subject.email };
    case 'iss_sub':
      return { format: 'iss_sub', iss: subject.iss, sub: subject.sub };
  }
}

const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * The subjects an event is about, as keys: the person by employee id (`opaque`,
 * and `iss_sub` with Tenure's issuer: Tenure names people by employee id) and
 * the app account by its id (`opaque`, and `email` when the app names
 * accounts by e-mail address). The app itself (the tenant) is not a subject
 * a stream can narrow to: every person has accounts in it.
 */
export function subjectKeysOfEvent(subject: Record<string, unknown>, tenureIssuer: string): string[] {
  const keys: string[] = [];
  const idOf = (part: unknown) =>
    part && typeof part === 'object' && typeof (part as { id?: unknown }).id === 'string'
      ? (part as { id: string }).id
      : undefined;
  const employeeId = idOf(subject.user);
  if (employeeId) {
    keys.push(
      subjectKey({ format: 'opaque', id: employeeId }),
      subjectKey({ format: 'iss_sub', iss: tenureIssuer, sub: employeeId }),
    );
  }
  const accountId = idOf(subject.application);
  if (accountId) {
    keys.push(subjectKey({ format: 'opaque', id: accountId }));
    if (LOOKS_LIKE_EMAIL.test(accountId)) keys.push(subjectKey({ format: 'email', email: accountId }));
  }
  return keys;
}
