import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Allow, AllowService, PersonPrincipal, SignedIn, SignedInPerson } from '@tenure/auth';
import { OPS_SERVICE_SCOPE } from '../ops/ops-access';
import { CampaignDefinitionDto } from './campaign-definition';
import { CampaignItemsQueryDto, CampaignsQueryDto } from './dto/campaigns-query.dto';
import { CampaignDetailView, CampaignListView, CampaignReportView, CampaignView } from './dto/campaign.view';
import { BulkDecisionView, ReviewItemListView, ReviewItemView } from './dto/review-item.view';
import { BulkReviewDecisionDto, CancelCampaignDto, ReviewDecisionDto } from './dto/review-decision.dto';
import { ReviewsService } from './reviews.service';

/** Campaigns and reports: operators, approvers and auditors, and the ops service credential, read them. */
const ReviewsRead = () => applyDecorators(Allow('operator', 'approver', 'auditor'), AllowService(OPS_SERVICE_SCOPE));

@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** Approvers (and admins) start campaigns; who started one is recorded with it. */
  @Post('campaigns')
  @HttpCode(201)
  @Allow('approver')
  @ApiCreatedResponse({ type: CampaignView })
  create(@Body() body: CampaignDefinitionDto, @SignedInPerson() person: PersonPrincipal) {
    return this.reviews.create(body, person);
  }

  @Get('campaigns')
  @ReviewsRead()
  @ApiOkResponse({ type: CampaignListView })
  list(@Query() query: CampaignsQueryDto) {
    return this.reviews.list(query);
  }

  @Get('campaigns/:campaignId')
  @ReviewsRead()
  @ApiOkResponse({ type: CampaignDetailView })
  get(@Param('campaignId') campaignId: string) {
    return this.reviews.get(campaignId);
  }

  @Get('campaigns/:campaignId/items')
  @ReviewsRead()
  @ApiOkResponse({ type: ReviewItemListView })
  items(@Param('campaignId') campaignId: string, @Query() query: CampaignItemsQueryDto) {
    return this.reviews.items(campaignId, query);
  }

  @Get('campaigns/:campaignId/report')
  @ReviewsRead()
  @ApiOkResponse({ type: CampaignReportView })
  report(@Param('campaignId') campaignId: string) {
    return this.reviews.report(campaignId);
  }

  @Post('campaigns/:campaignId/cancel')
  @HttpCode(200)
  @Allow('approver')
  @ApiOkResponse({ type: CampaignView })
  cancel(
    @Param('campaignId') campaignId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: CancelCampaignDto,
  ) {
    return this.reviews.cancel(campaignId, person, body.reason);
  }

  /** Any signed-in person: the items they review in open campaigns. */
  @Get('my-items')
  @SignedIn()
  @ApiOkResponse({ type: ReviewItemListView })
  myItems(@SignedInPerson() person: PersonPrincipal) {
    return this.reviews.myItems(person);
  }

  /** The item's reviewer, signed in, decides; never about their own access, never a service credential. */
  @Post('items/:itemId/decision')
  @HttpCode(200)
  @SignedIn()
  @ApiOkResponse({ type: ReviewItemView })
  decide(@Param('itemId') itemId: string, @SignedInPerson() person: PersonPrincipal, @Body() body: ReviewDecisionDto) {
    return this.reviews.decideOne(itemId, person, body);
  }

  @Post('campaigns/:campaignId/decisions')
  @HttpCode(200)
  @SignedIn()
  @ApiOkResponse({ type: BulkDecisionView })
  decideMany(
    @Param('campaignId') campaignId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: BulkReviewDecisionDto,
  ) {
    return this.reviews.decideMany(campaignId, person, body);
  }
}
