import { Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatTime } from '../api';
import type { Run } from '../types';
import { StatusBadge } from './StatusBadge';

/** A person's runs, newest first, each with its steps, reasons and retries. */
export function RunTimeline({ runs, actions }: { runs: Run[]; actions?: (run: Run) => React.ReactNode }) {
  if (runs.length === 0) return <Text c="dimmed">No runs yet.</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {runs.map((run) => (
        <Timeline.Item
          key={run.runId}
          title={
            <Group gap="xs">
              <Text fw={600}>{run.eventType}</Text>
              <StatusBadge status={run.status} />
              <Text size="sm" c="dimmed">
                effective {formatTime(run.effectiveAt)}
                {run.nextAt ? ` · next ${formatTime(run.nextAt)}` : ''}
              </Text>
            </Group>
          }
        >
          <Stack gap={4} mt={4}>
            {run.reason ? <Text size="sm">Reason: {run.reason}</Text> : null}
            {run.actorId ? <Text size="sm">Decided by {run.actorId}</Text> : null}
            {run.massChange ? (
              <Text size="sm">
                Held in mass change <Link to="/queues">{run.massChange.batchId}</Link>
              </Text>
            ) : null}
            {run.steps.length > 0 ? (
              <Table withTableBorder fz="sm" aria-label={`Steps of ${run.eventType} run`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Phase</Table.Th>
                    <Table.Th>App</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Changes</Table.Th>
                    <Table.Th>Retries</Table.Th>
                    <Table.Th>Reason</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {run.steps.map((step) => (
                    <Table.Tr key={`${step.phase}-${step.appId}`}>
                      <Table.Td>{step.phase}</Table.Td>
                      <Table.Td>{step.appId}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={step.status} />
                      </Table.Td>
                      <Table.Td>{step.changes.join(', ')}</Table.Td>
                      <Table.Td>
                        {step.retries}
                        {step.attempts ? ` (${step.attempts} attempts)` : ''}
                      </Table.Td>
                      <Table.Td>{step.reason ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {actions?.(run)}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
