// Docker HEALTHCHECK: healthy while the service's /health on METRICS_PORT answers 200
// (up); 503 (degraded, e.g. NATS unreachable) or no answer is unhealthy.
const { get } = require('node:http');

const port = process.env.METRICS_PORT;
const req = get({ host: '127.0.0.1', port, path: '/health', timeout: 2500 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', (err) => {
  console.error(`health check on port ${port}: ${err.message}`);
  process.exit(1);
});
