import {
  IconActivityHeartbeat,
  IconAlertTriangle,
  IconCertificate,
  IconFileText,
  IconGitBranch,
  IconPlugConnected,
  IconServer,
  IconShieldCheck,
  IconUserShield,
  IconUsersGroup,
  IconVault,
  type Icon,
} from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import { ComingPage } from './coming/ComingPage';

export interface PageEntry {
  /** Route path (also the navigation link). */
  path: string;
  /** Navigation label, and the document title. */
  label: string;
  icon: Icon;
  /** Navigation section. */
  section: 'Monitor' | 'Senders' | 'Certificates';
  /** The page: a lazily loaded default export, so each page is a chunk of its own. */
  component: ComponentType;
}

const coming = (title: string, description: string) => () => <ComingPage title={title} description={description} />;

/**
 * Every page of the web console, in navigation order. Adding a page: make
 * `pages/<name>/<Name>Page.tsx` with a default export, and point its entry here at
 * `lazy(() => import('./<name>/<Name>Page'))` (apps/web/README.md).
 */
export const PAGES: PageEntry[] = [
  { path: '/', label: 'Overview', icon: IconActivityHeartbeat, section: 'Monitor', component: lazy(() => import('./overview/OverviewPage')) },
  {
    path: '/alerts',
    label: 'Alerts',
    icon: IconAlertTriangle,
    section: 'Monitor',
    component: coming('Alerts and subscriptions', 'Expiry alerts, their live feed, and webhook subscriptions with delivery counters.'),
  },
  {
    path: '/logs',
    label: 'Logs',
    icon: IconFileText,
    section: 'Monitor',
    component: coming('Logs', 'The access, trace and message processing logs with the filters of the API, live follow, and a request id linking the three.'),
  },
  {
    path: '/trusted-roots',
    label: 'Trusted roots',
    icon: IconShieldCheck,
    section: 'Senders',
    component: lazy(() => import('./trusted-roots/TrustedRootsPage')),
  },
  { path: '/roles', label: 'Roles', icon: IconUserShield, section: 'Senders', component: lazy(() => import('./roles/RolesPage')) },
  {
    path: '/service-instances',
    label: 'Service instances',
    icon: IconServer,
    section: 'Senders',
    component: coming(
      'Service instances and keys',
      'Service instances with their parameters, and their keys: a sender certificate from a PEM file, a generated certificate key or client secret.',
    ),
  },
  {
    path: '/flows',
    label: 'Flows',
    icon: IconGitBranch,
    section: 'Senders',
    component: coming('Flows', 'Deployed flows with their endpoint URL and sender authorization; deploy, edit and undeploy.'),
  },
  {
    path: '/classic',
    label: 'Users and mappings',
    icon: IconUsersGroup,
    section: 'Senders',
    component: coming('Users and mappings', 'Classic mode: certificate-to-user mappings, users and groups.'),
  },
  {
    path: '/keystore',
    label: 'Keystore',
    icon: IconVault,
    section: 'Certificates',
    component: coming('Keystore', 'Every key pair and trusted certificate with owner, validity and status, and its actions.'),
  },
  {
    path: '/certificates',
    label: 'Certificates',
    icon: IconCertificate,
    section: 'Certificates',
    component: coming('Certificates', 'The expiry inventory across all sources, with a timeline of upcoming expiries.'),
  },
  {
    path: '/connectivity',
    label: 'Connectivity test',
    icon: IconPlugConnected,
    section: 'Certificates',
    component: coming('Connectivity test', "A TLS handshake with a receiver: protocol, cipher, the server's chain and the CA names it accepts."),
  },
];

export const SECTIONS: PageEntry['section'][] = ['Monitor', 'Senders', 'Certificates'];
