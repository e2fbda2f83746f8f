import { DataSource, In, MoreThan } from 'typeorm';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import { PersonEntity } from './person.entity';

const PAGE = 1000;

/** Everyone Tenure manages who has not left (or whose hire was not cancelled). */
export const MANAGED_STATES: EmployeeLifecycleState[] = ['new', 'pending_start', 'active', 'on_leave'];

/**
 * People in the given states, a page at a time in id order, so that a large
 * company never sits in memory at once. `employeeIds` narrows it to those people.
 */
export async function* peoplePages(
  dataSource: DataSource,
  states: EmployeeLifecycleState[],
  employeeIds?: string[],
): AsyncGenerator<PersonEntity[]> {
  const people = dataSource.getRepository(PersonEntity);
  let after = '';
  for (;;) {
    const wanted = employeeIds?.filter((id) => id > after);
    if (wanted?.length === 0) return;
    const page = await people.find({
      where: { employeeId: wanted ? In(wanted) : MoreThan(after), state: In(states) },
      order: { employeeId: 'ASC' },
      take: PAGE,
    });
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1].employeeId;
  }
}
