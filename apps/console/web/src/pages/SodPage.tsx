import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { usePolled } from '../api';
import { QueryState } from '../components/QueryState';
import { SodViolationsTable } from '../components/SodViolationsTable';
import type { SodRule, SodViolation } from '../types';

/** The separation-of-duties rules (config/sod.yaml) and who breaks them now. */
export function SodPage() {
  const rules = usePolled<{ rules: SodRule[] }>(['sod-rules'], '/api/ops/sod/rules', true, 60_000);
  const violations = usePolled<{ items: SodViolation[] }>(['sod-violations'], '/api/ops/sod/violations', true, 10_000);
  return (
    <Stack>
      <Title order={1}>Separation of duties</Title>
      <Text size="sm" c="dimmed">
        Entitlements one person must not hold together. A request that would break a high-severity rule is refused; a
        medium one needs the rule&apos;s approver and a justification; a low one is recorded.
      </Text>
      <Card withBorder component="section" aria-label="Rules">
        <Title order={2} size="h3">
          Rules
        </Title>
        <QueryState isPending={rules.isPending} error={rules.error}>
          {() => (
            <Table fz="sm" aria-label="Separation of duties rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Entitlements</Table.Th>
                  <Table.Th>Approver</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.data?.rules.map((rule) => (
                  <Table.Tr key={rule.name}>
                    <Table.Td>{rule.name}</Table.Td>
                    <Table.Td>{rule.severity}</Table.Td>
                    <Table.Td>{rule.entitlements.join(' + ')}</Table.Td>
                    <Table.Td>{rule.approver ?? ''}</Table.Td>
                    <Table.Td>{rule.description ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Card>
      <Card withBorder component="section" aria-label="Violations">
        <Title order={2} size="h3">
          Violations now
        </Title>
        <QueryState isPending={violations.isPending} error={violations.error}>
          {() => (
            <SodViolationsTable label="Separation of duties violations" violations={violations.data?.items ?? []} empty="Nobody breaks a rule." />
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
