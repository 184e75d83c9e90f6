import { Anchor, Text } from '@mantine/core';
import { Page } from '../../components/Page';

/** Stands for a page that is not built yet: what it will do, and how to do it meanwhile. */
export function ComingPage({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title} description={description}>
      <Text>
        This page is coming. Until then, the{' '}
        <Anchor href="/api/docs" target="_blank">
          REST API
        </Anchor>{' '}
        and the <code>certgate</code> command line do all of it.
      </Text>
    </Page>
  );
}
