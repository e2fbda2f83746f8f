import { ApiProperty } from '@nestjs/swagger';
import { BATCH_STATUSES, type BatchStatus } from '../mass-change-batch.entity';
import { ENTRY_STATUSES, type EntryStatus } from '../mass-change-entry.entity';
import type {
  MassChangeDecisionResult,
  MassChangeDetail,
  MassChangeRunView,
  MassChangeSummary,
} from '../mass-change.views';

export class MassChangeLimitsView {
  maxPeople!: number;
  maxPeopleDeleted!: number;
}

export class MassChangeCountsView {
  people!: number;
  accounts!: number;
  runs!: number;
  waiting!: number;
  peopleDisabled!: number;
  peopleDeleted!: number;
}

/** A held batch as the ops API shows it. */
export class MassChangeSummaryView implements MassChangeSummary {
  batchId!: string;
  @ApiProperty({ enum: BATCH_STATUSES })
  status!: BatchStatus;
  window!: string;
  limits!: MassChangeLimitsView;
  @ApiProperty({ format: 'date-time' })
  openedAt!: string;
  @ApiProperty({ format: 'date-time' })
  lastHeldAt!: string;
  counts!: MassChangeCountsView;
  sources!: string[];
  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

export class MassChangeAccountView {
  appId!: string;
  change!: string;
}

/** One held run: who, which accounts, from which source, and what became of it. */
export class MassChangeHeldRunView implements MassChangeRunView {
  runId!: string;
  employeeId!: string;
  eventId!: string;
  eventType!: string;
  source!: string;
  origin!: string;
  phase!: string;
  accounts!: MassChangeAccountView[];
  @ApiProperty({ enum: ENTRY_STATUSES })
  status!: EntryStatus;
  @ApiProperty({ type: String, nullable: true })
  runStatus!: string | null;
  @ApiProperty({ format: 'date-time' })
  heldAt!: string;
  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;
}

export class MassChangeDetailView extends MassChangeSummaryView implements MassChangeDetail {
  runs!: MassChangeHeldRunView[];
}

export class MassChangeListView {
  items!: MassChangeSummaryView[];
}

export class MassChangeRunReasonView {
  runId!: string;
  reason!: string;
}

/** What one approve or reject call did: every run told, those already decided, and those to repeat. */
export class MassChangeDecisionView implements MassChangeDecisionResult {
  batch!: MassChangeSummaryView;
  decided!: string[];
  unchanged!: MassChangeRunReasonView[];
  failed!: MassChangeRunReasonView[];
}
