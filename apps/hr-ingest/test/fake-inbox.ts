import type { LifecycleEvent } from '@tenure/domain';
import type { Acceptance, InboxEntry, KnownEmployee } from '../src/inbox/acceptance';
import type { InboxService } from '../src/inbox/inbox.service';
import { loadHrSources } from '../src/sources/load-hr-sources';

/**
 * An inbox in memory for unit tests: remembers what it accepted, answers
 * duplicates by source and event id, and knows people as the real one does.
 */
export class FakeInbox {
  readonly accepted: LifecycleEvent[] = [];
  readonly knownPeople = new Map<string, KnownEmployee>();
  private readonly seen = new Set<string>();

  asService(): InboxService {
    return this as unknown as InboxService;
  }

  async known(employeeIds: string[]): Promise<Map<string, KnownEmployee>> {
    return new Map(
      employeeIds.filter((id) => this.knownPeople.has(id)).map((id) => [id, this.knownPeople.get(id) as KnownEmployee]),
    );
  }

  async accept(event: LifecycleEvent, contentHash?: string): Promise<Acceptance> {
    return this.store(event, contentHash);
  }

  async acceptMany(entries: InboxEntry[]): Promise<Acceptance[]> {
    return entries.map((entry) => this.store(entry.event, entry.contentHash));
  }

  private store(event: LifecycleEvent, contentHash?: string): Acceptance {
    const key = `${event.source}/${event.eventId}`;
    if (this.seen.has(key)) return { eventId: event.eventId, status: 'duplicate' };
    this.seen.add(key);
    this.accepted.push(event);
    this.knownPeople.set(event.employee.employeeId, {
      employee: event.employee,
      lastType: event.type,
      lastEventId: event.eventId,
      lastContentHash: contentHash ?? null,
    });
    return { eventId: event.eventId, status: 'accepted' };
  }
}

/** The hr-sources.yaml that ships in config/, as the service reads it. */
export const shippedSources = () => loadHrSources(`${__dirname}/../../../config`, {});
