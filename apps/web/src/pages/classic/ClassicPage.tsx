import { Code, Tabs } from '@mantine/core';
import { IconCertificate, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { GroupsTab } from './GroupsTab';
import { MappingsTab } from './MappingsTab';
import { UsersTab } from './UsersTab';

const TABS = ['mappings', 'users', 'groups'] as const;
type Tab = (typeof TABS)[number];

/** Classic mode: certificate-to-user mappings, users (roles, effective roles, mappings) and groups, one tab each (`?tab=`). */
export default function ClassicPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'mappings';
  return (
    <Page
      title="Users and mappings"
      description={
        <>
          Classic mode (<Code>CERTGATE_MODE=classic</Code>): a sender&apos;s certificate is mapped to a user, who holds roles directly or through groups; a
          flow&apos;s role is checked against the user&apos;s effective roles.
        </>
      }
      writePermission="classic:write"
    >
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'mappings' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mappings" leftSection={<IconCertificate size={16} aria-hidden />}>
            Certificate mappings
          </Tabs.Tab>
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden />}>
            Users
          </Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            Groups
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mappings" pt="md">
          <MappingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <GroupsTab />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
