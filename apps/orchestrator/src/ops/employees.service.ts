import { Injectable, NotFoundException } from '@nestjs/common';
import { IdentityRepository } from '../identity/identity.repository';
import { RunRepository } from '../identity/run.repository';
import { EmployeeView } from './employee-view';

@Injectable()
export class EmployeesService {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly runRepository: RunRepository,
  ) {}

  async get(employeeId: string): Promise<EmployeeView> {
    const [record, runs, accessRequests] = await Promise.all([
      this.identity.findPerson(employeeId),
      this.runRepository.runsOf(employeeId),
      this.runRepository.accessRequestsOf(employeeId),
    ]);
    if (!record) throw new NotFoundException({ error: 'not_found', message: `no employee ${employeeId}` });
    const { person, accounts, entitlements } = record;
    return {
      employeeId: person.employeeId,
      state: person.state,
      lastEventId: person.lastEventId,
      updatedAt: person.updatedAt.toISOString(),
      attributes: person.attributes,
      accounts: accounts.map((account) => ({
        appId: account.appId,
        status: account.status,
        externalId: account.externalId,
        reason: account.reason,
        updatedAt: account.updatedAt.toISOString(),
      })),
      entitlements: entitlements.map(({ appId, roles, groups, rules }) => ({ appId, roles, groups, rules })),
      scheduled: runs.filter((run) => (run.status === 'scheduled' || run.status === 'failed') && run.nextAt),
      waitingApproval: runs.filter((run) => run.status === 'waiting_approval'),
      // A cancelled run's steps need nothing any more.
      failedSteps: runs
        .filter((run) => run.status === 'failed')
        .flatMap((run) =>
          run.steps
            .filter((step) => step.status === 'needs_attention')
            .map((step) => ({
              runId: run.runId,
              eventId: run.eventId,
              phase: step.phase,
              appId: step.appId,
              change: step.failedChange,
              reason: step.reason,
              ...(step.attempts ? { attempts: step.attempts } : {}),
              ...(step.nextAttemptAt ? { nextAttemptAt: step.nextAttemptAt } : {}),
            })),
        ),
      accessRequests,
      runs,
    };
  }
}
