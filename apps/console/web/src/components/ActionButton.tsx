import { Button, ButtonProps, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/** A button for one command: disabled while it runs, with the API's answer (or refusal) next to it. */
export function ActionButton({
  label,
  run,
  done,
  ...props
}: { label: string; run: () => Promise<unknown>; done?: string } & ButtonProps) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: () => {
      setMessage({ ok: true, text: done ?? 'Done' });
      void client.invalidateQueries();
    },
    onError: (error: Error) => setMessage({ ok: false, text: error.message }),
  });
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <Button size="xs" loading={mutation.isPending} onClick={() => mutation.mutate()} {...props}>
        {label}
      </Button>
      {message ? (
        <Text size="xs" c={message.ok ? 'green.9' : 'red.9'} role="status">
          {message.text}
        </Text>
      ) : null}
    </span>
  );
}
