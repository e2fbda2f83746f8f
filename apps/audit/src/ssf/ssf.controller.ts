import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@tenure/auth';
import {
  PollRequestDto,
  StatusUpdateDto,
  StreamIdQueryDto,
  StreamIdRequiredQueryDto,
  StreamReplaceDto,
  StreamRequestDto,
  StreamUpdateDto,
  VerificationRequestDto,
} from './dto/stream-config.dto';
import { AddSubjectDto, RemoveSubjectDto } from './dto/subject.dto';
import { JsonWebKeySet, StreamStatusView, TransmitterConfiguration } from './dto/ssf-responses.dto';
import { ReceiverRoute } from './ssf-openapi';
import { SsfPollService, PollResponse } from './ssf-poll.service';
import { SsfReceiver } from './ssf-receiver.guard';
import { SSF_SETTINGS, SsfSettings } from './ssf-settings';
import { SsfSigningKeyService } from './ssf-signing-key.service';
import { StreamConfiguration, SsfStreamsService } from './ssf-streams.service';
import { DELIVERY_METHODS } from './ssf-events';

/** The Shared Signals transmitter (OpenID SSF 1.0): metadata, keys, streams, status, verification, poll. */
@Controller()
export class SsfController {
  constructor(
    @Inject(SSF_SETTINGS) private readonly settings: SsfSettings,
    private readonly keys: SsfSigningKeyService,
    private readonly streams: SsfStreamsService,
    private readonly poll: SsfPollService,
  ) {}

  /** Transmitter configuration metadata (SSF 1.0 §7). */
  @Public()
  @Get('.well-known/ssf-configuration')
  configuration(): TransmitterConfiguration {
    const base = this.settings.issuer;
    return {
      spec_version: '1_0',
      issuer: base,
      jwks_uri: `${base}/ssf/jwks.json`,
      delivery_methods_supported: [...DELIVERY_METHODS],
      configuration_endpoint: `${base}/ssf/streams`,
      status_endpoint: `${base}/ssf/status`,
      verification_endpoint: `${base}/ssf/verify`,
      add_subject_endpoint: `${base}/ssf/subjects/add`,
      remove_subject_endpoint: `${base}/ssf/subjects/remove`,
      authorization_schemes: [{ spec_urn: 'urn:ietf:rfc:6749' }],
      default_subjects: 'ALL',
    };
  }

  /** The public keys that verify Tenure's Security Event Tokens. */
  @Public()
  @Get('ssf/jwks.json')
  jwks(): Promise<JsonWebKeySet> {
    return this.keys.jwks();
  }

  @ReceiverRoute()
  @Post('ssf/streams')
  create(@SsfReceiver() clientId: string, @Body() body: StreamRequestDto): Promise<StreamConfiguration> {
    return this.streams.create(clientId, body);
  }

  /** One stream with `stream_id`, else every stream of this receiver. */
  @ReceiverRoute()
  @Get('ssf/streams')
  @ApiExtraModels(StreamConfiguration)
  @ApiOkResponse({
    description: 'The stream named by `stream_id`, or (without it) every stream of this receiver.',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(StreamConfiguration) },
        { type: 'array', items: { $ref: getSchemaPath(StreamConfiguration) } },
      ],
    },
  })
  read(
    @SsfReceiver() clientId: string,
    @Query() { stream_id }: StreamIdQueryDto,
  ): Promise<StreamConfiguration | StreamConfiguration[]> {
    return stream_id ? this.streams.get(clientId, stream_id) : this.streams.list(clientId);
  }

  @ReceiverRoute()
  @Patch('ssf/streams')
  update(@SsfReceiver() clientId: string, @Body() body: StreamUpdateDto): Promise<StreamConfiguration> {
    return this.streams.update(clientId, body);
  }

  @ReceiverRoute()
  @Put('ssf/streams')
  replace(@SsfReceiver() clientId: string, @Body() body: StreamReplaceDto): Promise<StreamConfiguration> {
    return this.streams.replace(clientId, body);
  }

  @ReceiverRoute()
  @Delete('ssf/streams')
  @HttpCode(204)
  remove(@SsfReceiver() clientId: string, @Query() { stream_id }: StreamIdRequiredQueryDto): Promise<void> {
    return this.streams.remove(clientId, stream_id);
  }

  @ReceiverRoute()
  @Get('ssf/status')
  status(@SsfReceiver() clientId: string, @Query() { stream_id }: StreamIdRequiredQueryDto): Promise<StreamStatusView> {
    return this.streams.status(clientId, stream_id);
  }

  @ReceiverRoute()
  @Post('ssf/status')
  @HttpCode(200)
  setStatus(@SsfReceiver() clientId: string, @Body() body: StatusUpdateDto): Promise<StreamStatusView> {
    return this.streams.setStatus(clientId, body);
  }

  @ReceiverRoute()
  @Post('ssf/verify')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The stream is disabled.' })
  verify(@SsfReceiver() clientId: string, @Body() body: VerificationRequestDto): Promise<void> {
    return this.streams.verify(clientId, body.stream_id, body.state);
  }

  /** SSF 1.0 §8.1.3.2: once a stream has subjects, it gets only the events about them. */
  @ReceiverRoute()
  @Post('ssf/subjects/add')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such stream for this receiver.' })
  addSubject(@SsfReceiver() clientId: string, @Body() body: AddSubjectDto): Promise<void> {
    return this.streams.addSubject(clientId, body);
  }

  /** SSF 1.0 §8.1.3.3: 404 when the stream has no such subject. */
  @ReceiverRoute()
  @Post('ssf/subjects/remove')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'No such stream for this receiver, or the subject was not added to it.' })
  removeSubject(@SsfReceiver() clientId: string, @Body() body: RemoveSubjectDto): Promise<void> {
    return this.streams.removeSubject(clientId, body);
  }

  /** RFC 8936 poll: the stream's endpoint_url. */
  @ReceiverRoute()
  @Post('ssf/poll/:streamId')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The stream is delivered by push.' })
  pollStream(
    @SsfReceiver() clientId: string,
    @Param('streamId') streamId: string,
    @Body() body: PollRequestDto,
  ): Promise<PollResponse> {
    return this.poll.poll(clientId, streamId, body);
  }
}
