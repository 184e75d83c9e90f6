import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { weeklyExpiries } from './timeline';

/**
 * Upcoming expiries over the next 12 months, a bar per week (amber: 30 days or less, the
 * inventory's `expiring`), with the alert thresholds as dashed reference lines.
 */
export function ExpiryTimeline({
  certs,
  thresholds,
  thresholdsNote,
}: {
  certs: readonly { daysLeft: number; status: string }[];
  thresholds: number[];
  thresholdsNote: string;
}) {
  const timeline = useMemo(() => weeklyExpiries(certs, thresholds), [certs, thresholds]);
  const summary = `${timeline.within12Months} of ${certs.length} certificates expire in the next 12 months; ${timeline.expired} have expired; ${timeline.later} expire later.`;

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="figure"
      m={0}
      aria-labelledby="timeline-title"
      aria-describedby="timeline-summary"
      data-testid="expiry-timeline"
    >
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <div>
          <Title order={2} size="h4" id="timeline-title">
            Upcoming expiries, per week
          </Title>
          <Text size="xs" c="dimmed" id="timeline-summary">
            {summary}
          </Text>
        </div>
        <Group gap={6}>
          <Badge color="red.9" variant="filled">
            {timeline.expired} expired
          </Badge>
          <Badge variant="default">{timeline.later} later</Badge>
        </Group>
      </Group>
      <BarChart
        h={260}
        data={timeline.bins}
        dataKey="week"
        type="stacked"
        series={[
          { name: 'expiring', color: 'yellow.5', label: 'Expiring (30 days or less)' },
          { name: 'valid', color: 'teal.9', label: 'Valid' },
        ]}
        referenceLines={timeline.thresholds.map((t, i) => ({
          x: t.week,
          // The thresholds fall in neighbouring weeks: each label a line lower than the last, so none overlaps.
          label: { value: t.label, dy: i * 14 },
          color: 'red.9',
          strokeDasharray: '4 3',
          labelPosition: 'insideTopRight' as const,
          className: 'threshold-line',
        }))}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        tickLine="y"
        gridAxis="y"
        yAxisProps={{ allowDecimals: false, width: 40 }}
        // A label every 4th week: a fixed interval spares Recharts measuring all 52 labels (80 ms for this chart here).
        xAxisProps={{ interval: 3 }}
        tooltipAnimationDuration={0}
        valueFormatter={(v) => `${v}`}
      />
      <Text size="xs" c="dimmed" component="figcaption" mt={4}>
        Dashed lines: the alert thresholds ({thresholds.map((t) => `${t} d`).join(', ')}) — {thresholdsNote}
      </Text>
    </Paper>
  );
}
