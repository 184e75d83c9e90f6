// Preloaded (`node -r`) by every image: `<NAME>_FILE=/run/secrets/x` sets NAME to the
// file's content (trailing newline dropped) unless NAME is set itself, so secrets —
// master key, admin token, NATS password — come from Compose secret files instead of
// the environment, where `docker inspect` would show them.
const { readFileSync } = require('node:fs');

for (const [key, path] of Object.entries(process.env)) {
  if (!key.endsWith('_FILE') || !path) continue;
  const name = key.slice(0, -'_FILE'.length);
  if (process.env[name]) continue;
  try {
    process.env[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    console.error(`${key}: cannot read ${path} (${err.code ?? err.message})`);
    process.exit(1);
  }
  delete process.env[key];
}
