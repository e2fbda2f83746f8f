import { MassChangeBatchEntity } from '../mass-change/mass-change-batch.entity';
import { MassChangeEntryEntity } from '../mass-change/mass-change-entry.entity';
import { PolicyRolloutEntity } from '../policy-rollout/policy-rollout.entity';
import { AccessRequestEntity } from './access-request.entity';
import { AccountEntity } from './account.entity';
import { EntitlementEntity } from './entitlement.entity';
import { CreateIdentityStore1764100000001 } from './migrations/1764100000001-create-identity-store';
import { CreateRunsAndAccessRequests1764200000001 } from './migrations/1764200000001-create-runs-and-access-requests';
import { CreatePolicyRollouts1764300000001 } from './migrations/1764300000001-create-policy-rollouts';
import { CreateMassChangeLedger1764400000001 } from './migrations/1764400000001-create-mass-change-ledger';
import { PolicyRolloutsCountPeople1764400000002 } from './migrations/1764400000002-policy-rollouts-count-people';
import { PersonEntity } from './person.entity';
import { CreateAccessReviews1764500000001 } from './migrations/1764500000001-create-access-reviews';
import { ReviewCampaignEntity } from '../reviews/review-campaign.entity';
import { ReviewItemEntity } from '../reviews/review-item.entity';
import { RunEntity } from './run.entity';

/** The PostgreSQL schema of the orchestrator's identity store. */
export const IDENTITY_SCHEMA = 'identity';

/** Every table of the identity store, for the service and for tests that open the same schema. */
export const IDENTITY_ENTITIES = [
  PersonEntity,
  AccountEntity,
  EntitlementEntity,
  RunEntity,
  AccessRequestEntity,
  PolicyRolloutEntity,
  MassChangeBatchEntity,
  MassChangeEntryEntity,
  ReviewCampaignEntity,
  ReviewItemEntity,
];

/** The identity store's migrations, in order. */
export const IDENTITY_MIGRATIONS = [
  CreateIdentityStore1764100000001,
  CreateRunsAndAccessRequests1764200000001,
  CreatePolicyRollouts1764300000001,
  CreateMassChangeLedger1764400000001,
  PolicyRolloutsCountPeople1764400000002,
  CreateAccessReviews1764500000001,
];
