import { Alert, AppShell, Burger, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { api, ApiError, can, Me, post, setCsrfToken } from './api';
import { AuditPage } from './pages/AuditPage';
import { OverviewPage } from './pages/OverviewPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { PolicyPage } from './pages/PolicyPage';
import { QueuesPage } from './pages/QueuesPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { ReviewsPage } from './pages/ReviewsPage';
import { SodPage } from './pages/SodPage';

const PAGES = [
  { path: '/overview', label: 'Overview', show: (me: Me) => can(me, 'operator', 'approver') },
  { path: '/people', label: 'People', show: (me: Me) => can(me, 'operator', 'approver') },
  { path: '/queues', label: 'Queues', show: () => true },
  { path: '/reconciliation', label: 'Reconciliation', show: (me: Me) => can(me, 'operator', 'approver') },
  { path: '/policy', label: 'Policy', show: (me: Me) => can(me, 'operator', 'approver') },
  // Anyone may be a reviewer; campaigns and reports are for operators, approvers and auditors.
  { path: '/reviews', label: 'Reviews', show: () => true },
  { path: '/sod', label: 'Separation of duties', show: (me: Me) => can(me, 'operator', 'approver', 'auditor') },
  { path: '/audit', label: 'Audit', show: (me: Me) => can(me, 'auditor') },
];

function signIn() {
  window.location.assign(`/auth/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

async function signOut() {
  const answer = await post<{ providerSignOutUrl?: string }>('/auth/logout');
  window.location.assign(answer.providerSignOutUrl ?? '/');
}

export function App() {
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const found = await api<Me>('/api/me');
      setCsrfToken(found.csrfToken);
      return found;
    },
    refetchInterval: 60_000,
    retry: false,
  });

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.error) {
    const signedOut = me.error instanceof ApiError && me.error.status === 401;
    return (
      <Center h="100vh">
        <Stack align="center">
          <Title order={1}>Tenure Console</Title>
          <Text>{signedOut ? 'Sign in with your company account to continue.' : me.error.message}</Text>
          <Button onClick={signIn} size="md">
            Sign in
          </Button>
        </Stack>
      </Center>
    );
  }
  const person = me.data;
  const pages = PAGES.filter((page) => page.show(person));
  // Each role starts where its work is.
  const home = can(person, 'operator', 'approver') ? '/overview' : can(person, 'auditor') ? '/audit' : '/queues';

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Tenure Console
            </Title>
          </Group>
          <Group>
            <Text size="sm" aria-label="Signed in as">
              {person.name}
              {person.roles.length > 0 ? ` · ${person.roles.join(', ')}` : ''}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Pages">
        {pages.map((page) => (
          <NavLink
            key={page.path}
            component={RouterLink}
            to={page.path}
            label={page.label}
            active={location.pathname.startsWith(page.path)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/overview" element={<OverviewPage me={person} />} />
          <Route path="/people" element={<PeoplePage />} />
          <Route path="/people/:employeeId" element={<PersonPage me={person} />} />
          <Route path="/queues" element={<QueuesPage me={person} />} />
          <Route path="/reconciliation" element={<ReconciliationPage me={person} />} />
          <Route path="/policy" element={<PolicyPage me={person} />} />
          <Route path="/reviews" element={<ReviewsPage me={person} />} />
          <Route path="/sod" element={<SodPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="*" element={<Alert color="gray">No such page.</Alert>} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
