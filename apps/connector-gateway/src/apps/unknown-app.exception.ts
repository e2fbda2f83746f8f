import { NotFoundException } from '@nestjs/common';

/** The app is not in apps.yaml. Same error shape as the connectors' failures, and never worth a retry. */
export class UnknownAppException extends NotFoundException {
  constructor(appId: string) {
    super({ error: { code: 'UNKNOWN_APP', message: `no app ${appId} is configured`, retryable: false } });
  }
}
