import type { ImportSummary, RowRejection } from '../import-summary';

export class FieldErrorView {
  field!: string;
  message!: string;
}

export class RowRejectionView implements RowRejection {
  /** Line of the file the row ends on (the header is line 1). */
  line!: number;
  errors!: FieldErrorView[];
}

/** The answer to a CSV import: what happened to every row. */
export class ImportSummaryView implements ImportSummary {
  rows!: number;
  accepted!: number;
  duplicate!: number;
  rejected!: number;
  rejections!: RowRejectionView[];
  /** True when more rows were rejected than are listed. */
  rejectionsTruncated!: boolean;
}
