import type { Command } from 'commander';
import { act, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';

/** `certgate health`: every service and replica, as the console gathers them over NATS. */
export function registerHealth(program: Command, io: CliIo): void {
  leaf(program, 'health', 'health of every certgate service and its replicas', ['certgate health', 'certgate health -o json | jq .status']).action(
    act(io, async (ctx) => {
      const health = await ctx.api.health();
      if (ctx.format !== 'table') return ctx.item(health, []);
      const rows = Object.entries(health.services).map(([service, s]) => ({ service, ...s }));
      ctx.list(rows, [
        { header: 'SERVICE', value: (r) => r.service },
        { header: 'STATUS', value: (r) => r.status },
        { header: 'REPLICAS', value: (r) => r.replicas.length },
        { header: 'NODES', value: (r) => r.replicas.map((x) => `${x.nodeId}(${x.status} ${x.version})`) },
        {
          header: 'FAILING CHECKS',
          value: (r) =>
            r.replicas.flatMap((x) =>
              Object.entries(x.checks)
                .filter(([, c]) => c.status !== 'up')
                .map(([n]) => n),
            ),
        },
      ]);
      ctx.print(`\nsystem: ${health.status} (checked ${health.checkedAt})`);
    }),
  );
}
