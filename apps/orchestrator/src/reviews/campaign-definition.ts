import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCanonicalTime } from '@tenure/contracts';
import { DURATION, DURATION_MESSAGE, ENTITLEMENT_REF } from '@tenure/policy';
import { UNDECIDED_RULES, UndecidedRule } from '@tenure/temporal-contracts';

const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const APP_ID = /^[a-z][a-z0-9-]{0,62}$/;

/** What a campaign reviews; every listed condition must hold (an empty scope reviews everything). */
export class CampaignScopeDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(APP_ID, { each: true, message: 'each app must be an app id such as salesforce' })
  apps?: string[];

  /** Groups or roles, as `app:name` (or `app` for any access to it). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ENTITLEMENT_REF, {
    each: true,
    message: 'each entitlement must be app or app:group, e.g. salesforce:admins',
  })
  entitlements?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  departments?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(EMPLOYEE_ID, { each: true, message: 'each employee id must be an employee id' })
  employeeIds?: string[];

  /** Only access beyond birthright (approved requests, accounts reconciliation found); birthright items are left out. */
  @IsOptional()
  @IsBoolean()
  beyondBirthright?: boolean;

  /** A completed reconciliation whose unmanaged and orphaned accounts are reviewed as well. */
  @IsOptional()
  @Matches(/^reconciliation-[0-9a-f-]{36}$/, { message: 'reconciliationId must be the id of a reconciliation' })
  reconciliationId?: string;
}

export const REVIEWER_KINDS = ['manager', 'app_owner', 'named'] as const;
export type ReviewerKind = (typeof REVIEWER_KINDS)[number];

/** Who reviews each item: the person's manager, the owner of what they hold, or named people. */
export class CampaignReviewersDto {
  @IsIn(REVIEWER_KINDS, { message: `kind must be one of ${REVIEWER_KINDS.join(', ')}` })
  kind: ReviewerKind;

  /** `named`: the reviewers (any of them decides); otherwise who reviews when nobody else can. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EMPLOYEE_ID, { each: true, message: 'each reviewer must be an employee id' })
  people?: string[];
}

export const RECURRENCES = ['monthly', 'quarterly', 'yearly'] as const;

export class CampaignRecurrenceDto {
  /** `monthly`, `quarterly`, `yearly`, or a duration such as 90d. */
  @Matches(new RegExp(`^(${RECURRENCES.join('|')}|${DURATION.source.slice(1, -1)})$`), {
    message: 'every must be monthly, quarterly, yearly or a duration such as 90d',
  })
  every: string;
}

/** Body of `POST /v1/reviews/campaigns`; stored as the campaign's definition. */
export class CampaignDefinitionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignScopeDto)
  scope: CampaignScopeDto = new CampaignScopeDto();

  @ValidateNested()
  @Type(() => CampaignReviewersDto)
  reviewers: CampaignReviewersDto;

  /** When the campaign opens (default: now). */
  @IsOptional()
  @IsCanonicalTime({ forms: ['instant'] })
  startsAt?: string;

  /** How long reviewers have from the start. */
  @Matches(DURATION, { message: DURATION_MESSAGE })
  duration: string;

  /** Reminders, as durations before the due date (e.g. ["3d", "1d"]). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(DURATION, { each: true, message: 'each reminder must be a duration before the due date such as 3d' })
  reminders: string[] = [];

  /** Items still undecided at the due date: kept, revoked, or escalated to each reviewer's manager. */
  @IsIn(UNDECIDED_RULES, { message: `undecided must be one of ${UNDECIDED_RULES.join(', ')}` })
  undecided: UndecidedRule;

  /** How long escalated items have (undecided: escalate). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  escalationPeriod: string = '7d';

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignRecurrenceDto)
  recurrence?: CampaignRecurrenceDto;
}

/** The stored definition (plain JSON). */
export type CampaignDefinition = Omit<CampaignDefinitionDto, 'scope' | 'reviewers' | 'recurrence'> & {
  scope: Omit<CampaignScopeDto, never>;
  reviewers: Omit<CampaignReviewersDto, never>;
  recurrence?: { every: string };
};
