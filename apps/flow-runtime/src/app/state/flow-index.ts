import type { DeployedFlow } from '@certgate/contracts';
import { compileSteps, type CompiledStep } from '../steps/step-engine';

/** A deployed flow as a replica serves it: steps compiled, matcher kinds known. */
export interface ServedFlow {
  flow: DeployedFlow;
  steps: readonly CompiledStep[];
  /** Only then does a request's certificate DN need normalizing. */
  hasDnMatchers: boolean;
}

export interface AddressConflict {
  address: string;
  served: string;
  ignored: string;
}

/**
 * Address → flow. Deployment keeps addresses unique; should two flows still claim one
 * address (written to KV behind the runtime's back), the earlier deployment keeps it
 * on every replica alike, and the conflict is reported.
 */
export function buildFlowIndex(flows: Iterable<DeployedFlow>, onConflict: (conflict: AddressConflict) => void = () => undefined): Map<string, ServedFlow> {
  const ordered = [...flows].sort((a, b) => a.deployedAt.localeCompare(b.deployedAt) || a.definition.id.localeCompare(b.definition.id));
  const index = new Map<string, ServedFlow>();
  for (const flow of ordered) {
    const address = flow.definition.sender.address;
    const existing = index.get(address);
    if (existing) {
      onConflict({ address, served: existing.flow.definition.id, ignored: flow.definition.id });
      continue;
    }
    index.set(address, {
      flow,
      steps: compileSteps(flow.definition.steps),
      hasDnMatchers: flow.certificateMatchers.some((m) => 'normalizedSubjectDN' in m),
    });
  }
  return index;
}
