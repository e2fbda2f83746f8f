import type { FieldError } from '@tenure/contracts';

/** Rejected rows listed in a summary; the count covers them all. */
export const MAX_LISTED_REJECTIONS = 100;

export interface RowRejection {
  /** Line of the file the row ends on (the header is line 1). */
  line: number;
  errors: FieldError[];
}

/** The answer to a CSV import: what happened to every row. */
export interface ImportSummary {
  rows: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  rejections: RowRejection[];
  /** True when more rows were rejected than are listed. */
  rejectionsTruncated: boolean;
}

export function emptySummary(): ImportSummary {
  return { rows: 0, accepted: 0, duplicate: 0, rejected: 0, rejections: [], rejectionsTruncated: false };
}

export function reject(summary: ImportSummary, rejection: RowRejection): void {
  summary.rejected++;
  if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(rejection);
  else summary.rejectionsTruncated = true;
}
