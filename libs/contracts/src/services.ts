/** The five NATS-connected services; each answers requests in a queue group of its own name. */
export const SERVICE_NAMES = ['ingress', 'identity', 'keystore', 'flow-runtime', 'console'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default Prometheus ports (design §5). */
export const DEFAULT_METRICS_PORTS: Record<ServiceName, number> = {
  ingress: 9101,
  identity: 9102,
  keystore: 9103,
  'flow-runtime': 9104,
  console: 9105,
};
