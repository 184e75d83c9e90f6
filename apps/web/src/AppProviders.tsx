import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AuthProvider } from './auth/AuthProvider';
import { cspNonce } from './csp-nonce';
import { cssVariablesResolver, theme } from './theme';

const isClientError = (err: unknown) => {
  const status = (err as { status?: number }).status ?? 0;
  return status >= 400 && status < 500;
};

/** Server state: lists are fresh for 10 s, a failed query is retried once (never on a 4xx). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, err) => count < 1 && !isClientError(err),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export interface AppProvidersProps {
  children: ReactNode;
  /** The fetch of the API client: component tests pass a mock (the openapi-fetch boundary). */
  fetch?: typeof globalThis.fetch;
  queryClient?: QueryClient;
}

/** Mantine (with the page's CSP nonce for its <style> elements), notifications, TanStack Query, sign-in state and the API client. */
export function AppProviders({ children, fetch, queryClient }: AppProvidersProps) {
  const nonce = cspNonce;
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      {...(nonce !== undefined && { getStyleNonce: () => nonce })}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>
        <AuthProvider fetch={fetch}>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
