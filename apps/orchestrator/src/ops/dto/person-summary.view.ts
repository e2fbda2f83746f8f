import type { PersonSummary } from '../people-search.service';

/** One person found by a search. */
export class PersonSummaryView implements PersonSummary {
  employeeId!: string;
  /** The person's lifecycle state (`active`, `terminated`, ...). */
  state!: string;
  displayName!: string;
  email?: string;
  department?: string;
  title?: string;
}

export class PeopleListView {
  items!: PersonSummaryView[];
}
