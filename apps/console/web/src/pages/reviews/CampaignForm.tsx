import { Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api';
import type { ReviewCampaign } from '../../types';

/** "a, b c" → ["a", "b", "c"]; empty → undefined, so the API's default applies. */
const list = (text: string) => {
  const values = text.split(/[\s,]+/).filter(Boolean);
  return values.length ? values : undefined;
};

/** A campaign as the API takes it: scope, reviewers, how long, what happens to the undecided. */
export function CampaignForm({ onCreated }: { onCreated: (campaign: ReviewCampaign) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [employeeIds, setEmployeeIds] = useState('');
  const [apps, setApps] = useState('');
  const [departments, setDepartments] = useState('');
  const [beyondBirthright, setBeyondBirthright] = useState(false);
  const [kind, setKind] = useState<string>('manager');
  const [people, setPeople] = useState('');
  const [duration, setDuration] = useState('14d');
  const [reminders, setReminders] = useState('3d');
  const [undecided, setUndecided] = useState<string>('escalate');
  const create = useMutation({
    mutationFn: () =>
      post<ReviewCampaign>('/api/ops/reviews/campaigns', {
        name,
        scope: { employeeIds: list(employeeIds), apps: list(apps), departments: list(departments), beyondBirthright: beyondBirthright || undefined },
        reviewers: { kind, people: list(people) },
        duration,
        reminders: list(reminders) ?? [],
        undecided,
      }),
    onSuccess: (campaign) => {
      setName('');
      onCreated(campaign);
      void client.invalidateQueries();
    },
  });

  return (
    <Card withBorder component="section" aria-label="New campaign">
      <Title order={2} size="h3">
        New campaign
      </Title>
      <Stack gap="xs">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group grow align="start">
          <TextInput label="People" description="Employee ids; empty: everyone" value={employeeIds} onChange={(e) => setEmployeeIds(e.currentTarget.value)} />
          <TextInput label="Apps" description="App ids; empty: every app" value={apps} onChange={(e) => setApps(e.currentTarget.value)} />
          <TextInput label="Departments" description="Empty: every department" value={departments} onChange={(e) => setDepartments(e.currentTarget.value)} />
        </Group>
        <Checkbox label="Only access beyond birthright" checked={beyondBirthright} onChange={(e) => setBeyondBirthright(e.currentTarget.checked)} />
        <Group grow align="start">
          <Select
            label="Reviewers"
            data={[
              { value: 'manager', label: "The person's manager" },
              { value: 'app_owner', label: 'The owners of what is held' },
              { value: 'named', label: 'Named people' },
            ]}
            value={kind}
            onChange={(value) => setKind(value ?? 'manager')}
            allowDeselect={false}
          />
          <TextInput
            label="Reviewer ids"
            description={kind === 'named' ? 'Employee ids; any of them decides' : 'Who reviews what nobody else can'}
            value={people}
            onChange={(e) => setPeople(e.currentTarget.value)}
          />
        </Group>
        <Group grow align="start">
          <TextInput label="Duration" description="Until the due date, e.g. 14d" value={duration} onChange={(e) => setDuration(e.currentTarget.value)} />
          <TextInput label="Reminders" description="Before the due date, e.g. 3d 1d" value={reminders} onChange={(e) => setReminders(e.currentTarget.value)} />
          <Select
            label="Undecided at the due date"
            data={[
              { value: 'escalate', label: "Escalate to the reviewer's manager" },
              { value: 'keep', label: 'Keep' },
              { value: 'revoke', label: 'Revoke' },
            ]}
            value={undecided}
            onChange={(value) => setUndecided(value ?? 'escalate')}
            allowDeselect={false}
          />
        </Group>
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!name.trim()}>
            Create campaign
          </Button>
          {create.error ? (
            <Text size="sm" c="red.9" role="alert">
              {create.error.message}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
