import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonEntity } from '../identity/person.entity';

export interface PersonSummary {
  employeeId: string;
  state: string;
  displayName: string;
  email?: string;
  department?: string;
  title?: string;
}

/** `%` and `_` typed by a person are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Finds people by part of their name, employee id, e-mail or department, case-insensitively. */
@Injectable()
export class PeopleSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(q: string | undefined, limit: number): Promise<{ items: PersonSummary[] }> {
    const query = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p');
    const text = q?.trim();
    if (text) {
      query.where(
        `(p.employee_id ILIKE :pattern OR p.attributes->>'email' ILIKE :pattern
          OR (coalesce(p.attributes->>'givenName', '') || ' ' || coalesce(p.attributes->>'familyName', '')) ILIKE :pattern
          OR p.attributes->>'department' ILIKE :pattern)`,
        { pattern: likePattern(text) },
      );
    }
    const people = await query.orderBy('p.updated_at', 'DESC').addOrderBy('p.employee_id').take(limit).getMany();
    return {
      items: people.map(({ employeeId, state, attributes }) => ({
        employeeId,
        state,
        displayName: [attributes.givenName, attributes.familyName].filter(Boolean).join(' ') || employeeId,
        email: attributes.email,
        department: attributes.department,
        title: attributes.title,
      })),
    };
  }
}
