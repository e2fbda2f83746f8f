import { Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { SodViolation } from '../types';

/** People and the rule they break, with the entitlements that break it. */
export function SodViolationsTable({ label, violations, empty }: { label: string; violations: SodViolation[]; empty: string }) {
  if (violations.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table fz="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Entitlements held</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {violations.map((v) => (
          <Table.Tr key={`${v.employeeId}-${v.rule}`}>
            <Table.Td>
              <Link to={`/people/${encodeURIComponent(v.employeeId)}`}>{v.employeeId}</Link>
            </Table.Td>
            <Table.Td>{v.rule}</Table.Td>
            <Table.Td>{v.severity}</Table.Td>
            <Table.Td>{v.entitlements.join(' + ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
