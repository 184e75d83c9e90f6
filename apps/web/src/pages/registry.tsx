import {
  IconActivityHeartbeat,
  IconAlertTriangle,
  IconCertificate,
  IconFileText,
  IconGitBranch,
  IconKey,
  IconListSearch,
  IconPlugConnected,
  IconServer,
  IconShieldCheck,
  IconUserShield,
  IconUsersGroup,
  IconVault,
  type Icon,
} from '@tabler/icons-react';
import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType } from 'react';
import type { ApiHooks } from '../api/client';
import type { Permission } from '../auth/permissions';
import { CERTIFICATES } from './certificates/queries';
import { ENTRIES } from './keystore/keystore';

export interface PageEntry {
  /** Route path (also the navigation link). */
  path: string;
  /** Navigation label, and the document title. */
  label: string;
  icon: Icon;
  /** Navigation section. */
  section: 'Monitor' | 'Senders' | 'Certificates' | 'Administration';
  /** What reading the page needs: without it the page is not in the navigation, and its address says why (RequirePermission). */
  permission: Permission;
  /** The page: a lazily loaded default export (`lazy(load)`), so each page is a chunk of its own. */
  component: ComponentType;
  /** Loads the page's chunk: called as soon as its route is known, before React asks for it. */
  load: () => Promise<unknown>;
  /**
   * Asks for the page's main list while its chunk loads (render-as-you-fetch): without it
   * the request waits for the chunk, 300-400 ms on this machine for the largest pages.
   */
  prefetch?: (queryClient: QueryClient, $api: ApiHooks) => Promise<void>;
}

type PageDefinition = Omit<PageEntry, 'component'>;

/**
 * A page entry whose component suspends only while its chunk is not there yet: once
 * loaded (main.tsx waits for the opened page's), it renders at once, with no fallback and
 * none of React's 300 ms throttle on revealing one.
 */
function page(def: PageDefinition): PageEntry {
  let loaded: ComponentType | undefined;
  const load = () =>
    def.load().then((mod) => {
      loaded = (mod as { default: ComponentType }).default;
      return mod;
    });
  const Lazy = lazy(() => load() as Promise<{ default: ComponentType }>);
  const Page = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  return { ...def, load, component: Page };
}

/**
 * Every page of the web console, in navigation order. Adding a page: make
 * `pages/<name>/<Name>Page.tsx` with a default export, and point its entry here at
 * `page({ ..., load: () => import('./<name>/<Name>Page') })`, with a `prefetch` of its
 * main list when it is a large one (apps/web/README.md).
 */
export const PAGES: PageEntry[] = [
  page({
    path: '/',
    permission: 'health:read',
    label: 'Overview',
    icon: IconActivityHeartbeat,
    section: 'Monitor',
    load: () => import('./overview/OverviewPage'),
  }),
  page({
    path: '/alerts',
    permission: 'alerts:read',
    label: 'Alerts',
    icon: IconAlertTriangle,
    section: 'Monitor',
    load: () => import('./alerts/AlertsPage'),
  }),
  page({
    path: '/logs',
    permission: 'logs:read',
    label: 'Logs',
    icon: IconFileText,
    section: 'Monitor',
    load: () => import('./logs/LogsPage'),
  }),
  page({
    path: '/trusted-roots',
    permission: 'trusted-roots:read',
    label: 'Trusted roots',
    icon: IconShieldCheck,
    section: 'Senders',
    load: () => import('./trusted-roots/TrustedRootsPage'),
  }),
  page({ path: '/roles', permission: 'roles:read', label: 'Roles', icon: IconUserShield, section: 'Senders', load: () => import('./roles/RolesPage') }),
  page({
    path: '/service-instances',
    permission: 'service-instances:read',
    label: 'Service instances',
    icon: IconServer,
    section: 'Senders',
    load: () => import('./service-instances/ServiceInstancesPage'),
  }),
  page({
    path: '/flows',
    permission: 'flows:read',
    label: 'Flows',
    icon: IconGitBranch,
    section: 'Senders',
    load: () => import('./flows/FlowsPage'),
  }),
  page({
    path: '/classic',
    permission: 'classic:read',
    label: 'Users and mappings',
    icon: IconUsersGroup,
    section: 'Senders',
    load: () => import('./classic/ClassicPage'),
  }),
  page({
    path: '/keystore',
    permission: 'keystore:read',
    label: 'Keystore',
    icon: IconVault,
    section: 'Certificates',
    load: () => import('./keystore/KeystorePage'),
    prefetch: (queryClient, $api) => queryClient.prefetchQuery($api.queryOptions(...ENTRIES)),
  }),
  page({
    path: '/certificates',
    permission: 'certificates:read',
    label: 'Certificates',
    icon: IconCertificate,
    section: 'Certificates',
    load: () => import('./certificates/CertificatesPage'),
    prefetch: (queryClient, $api) => queryClient.prefetchQuery($api.queryOptions(...CERTIFICATES)),
  }),
  page({
    path: '/connectivity',
    permission: 'connectivity:test',
    label: 'Connectivity test',
    icon: IconPlugConnected,
    section: 'Certificates',
    load: () => import('./connectivity/ConnectivityPage'),
  }),
  page({
    path: '/operators',
    permission: 'operators:read',
    label: 'Operators',
    icon: IconKey,
    section: 'Administration',
    load: () => import('./operators/OperatorsPage'),
  }),
  page({
    path: '/audit',
    permission: 'audit:read',
    label: 'Audit trail',
    icon: IconListSearch,
    section: 'Administration',
    load: () => import('./audit/AuditPage'),
  }),
];

export const SECTIONS: PageEntry['section'][] = ['Monitor', 'Senders', 'Certificates', 'Administration'];

/** The page of a path, if any. */
export const pageAt = (pathname: string): PageEntry | undefined => PAGES.find((p) => p.path === pathname);
