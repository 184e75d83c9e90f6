import {
  ActionIcon,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { Suspense, useEffect, useLayoutEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { useAuth } from '../auth/AuthProvider';
import { pageAt, PAGES, SECTIONS } from '../pages/registry';
import { SignedInAs } from './SignedInAs';

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} mode`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} mode`} onClick={() => setColorScheme(next)}>
        {scheme === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The frame of every signed-in page: header, navigation (a drawer behind the burger on a phone), the page. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { signOut, can } = useAuth();
  const location = useLocation();
  const current = pageAt(location.pathname);
  // Only the pages the operator may read: a link to a page of 403s helps nobody.
  const readable = PAGES.filter((p) => can(p.permission));
  const allowed = current && can(current.permission) ? current : undefined;
  const queryClient = useQueryClient();
  const { $api } = useApi();

  // On every navigation, the page's chunk and its main list at once (boot.ts did so for the first page).
  useLayoutEffect(() => {
    void allowed?.load();
    void allowed?.prefetch?.(queryClient, $api);
  }, [allowed, queryClient, $api]);

  useEffect(() => {
    document.title = current ? `${current.label} · certgate` : 'certgate';
    close();
  }, [current, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <a href="#main" className="skip-link">
              Skip to content
            </a>
            <Text fw={700} size="lg">
              certgate
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs">
              console
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SignedInAs visibleFrom="sm" />
            <ColorSchemeToggle />
            <Button variant="default" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Pages">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {SECTIONS.filter((section) => readable.some((p) => p.section === section)).map((section) => (
              <Box key={section}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                  {section}
                </Text>
                {readable
                  .filter((p) => p.section === section)
                  .map((p) => (
                    <NavLink
                      key={p.path}
                      component={RouterLink}
                      to={p.path}
                      end
                      variant="filled"
                      label={p.label}
                      leftSection={<p.icon size={18} aria-hidden />}
                      active={p.path === location.pathname}
                      aria-current={p.path === location.pathname ? 'page' : undefined}
                    />
                  ))}
              </Box>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm" px="sm">
          <SignedInAs wrap="wrap" />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
