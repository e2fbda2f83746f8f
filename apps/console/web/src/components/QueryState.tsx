import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a view shows before its data arrives or when the API refused it. */
export function QueryState({ isPending, error, children }: { isPending: boolean; error: Error | null; children: () => ReactNode }) {
  if (error) return <Alert color="red" title="Could not load">{error.message}</Alert>;
  if (isPending) return <Loader size="sm" aria-label="Loading" />;
  return <>{children()}</>;
}
