import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Public } from '@tenure/auth';
import { SsfReceiverGuard } from './ssf-receiver.guard';

export const SSF_RECEIVER_SCHEME = 'ssfReceiverToken';

/** A receiver's route: past the service's sign-in guard, checked by the receiver guard instead. */
export const ReceiverRoute = () =>
  applyDecorators(Public(), UseGuards(SsfReceiverGuard), ApiSecurity(SSF_RECEIVER_SCHEME));
