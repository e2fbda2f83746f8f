import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';

// Darker primary shades than Mantine's default blue keep text on buttons above WCAG AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'sm' });

// Mantine's "dimmed" grey is below 4.5:1 on white; a darker grey keeps secondary text readable.
const contrast: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: {},
});

// Every view polls: a page shows what Tenure does without anyone reloading it.
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchInterval: 2_000, refetchOnWindowFocus: true, retry: 1, staleTime: 1_000 } },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrast}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
