import { Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router-dom';
import { usePolled } from '../api';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import type { PersonSummary } from '../types';

export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(q, 250);
  const people = usePolled<{ items: PersonSummary[] }>(
    ['people', debounced],
    `/api/ops/people?q=${encodeURIComponent(debounced)}&limit=50`,
    true,
    5_000,
  );
  return (
    <Stack>
      <Title order={1}>People</Title>
      <TextInput
        label="Search people"
        description="Name, employee id, e-mail or department"
        value={q}
        onChange={(event) => setParams(event.currentTarget.value ? { q: event.currentTarget.value } : {}, { replace: true })}
        maw={480}
        autoFocus
      />
      <QueryState isPending={people.isPending} error={people.error}>
        {() =>
          people.data?.items.length === 0 ? (
            <Text c="dimmed">Nobody matches.</Text>
          ) : (
            <Table striped highlightOnHover aria-label="People">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Employee id</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Department</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data?.items.map((person) => (
                  <Table.Tr key={person.employeeId}>
                    <Table.Td>
                      <Link to={`/people/${encodeURIComponent(person.employeeId)}`}>{person.displayName}</Link>
                    </Table.Td>
                    <Table.Td>{person.employeeId}</Table.Td>
                    <Table.Td>{person.email}</Table.Td>
                    <Table.Td>{person.department}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={person.state} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
