import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../../api/client';
import { App, NotFound, RequireRole, RouteError } from './app/App';
import { pages } from './app/pages';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will answer the same again; a network blip or a 503 is worth one more try.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <App />,
    errorElement: <RouteError />,
    children: [
      ...pages.map((page) => ({
        path: page.path,
        errorElement: <RouteError />,
        lazy: async () => {
          const { default: Page } = await page.load();
          return {
            Component: () => (
              <RequireRole least={page.least}>
                <Page />
              </RequireRole>
            ),
          };
        },
      })),
      { path: '*', Component: NotFound },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
