# certgate console: the web console at / and the operator REST API /api/v1 (CONSOLE_PORT, 8080);
# needs CERTGATE_ADMIN_TOKEN.
#   docker build -f tools/docker/console.Dockerfile -t certgate/console:local .
# The first three stages are the same in every service's Dockerfile, so building the
# five images shares them (one dependency install, one compile).
ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, dev ones included (the compiler). From the registry, or the host's
# node_modules when tools/docker/build-images.sh staged them as .docker-deps/node_modules.tar
# (a host whose containers cannot reach a registry); ADD unpacks it, and the wildcard
# keeps the line valid without it.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ADD package.json package-lock.json .docker-dep[s]/node_modules.ta[r] ./
# npm ci can 404 on optional packages of other platforms; npm install then works.
RUN [ -d node_modules ] || npm ci --no-audit --no-fund || npm install --no-audit --no-fund

# TypeScript to JavaScript (tools/docker/compile.js: the SWC settings of `npm start`).
FROM deps AS build
COPY tsconfig.base.json ./
COPY tools/docker/compile.js tools/docker/compile.js
COPY libs libs
COPY apps apps
RUN node tools/docker/compile.js /app/out

# The web console (apps/web, React + Vite) as static files, served by the console at `/`.
FROM deps AS web
COPY apps/web apps/web
RUN node node_modules/vite/bin/vite.js build --config apps/web/vite.config.mts --logLevel warn

FROM deps AS runtime-deps
RUN npm prune --omit=dev --offline --no-audit --no-fund && rm -rf node_modules/.cache

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    CERTGATE_DATA_DIR=/data \
    CERTGATE_LOG_DIR=/logs \
    METRICS_HOST=0.0.0.0 \
    CONSOLE_HOST=0.0.0.0 \
    METRICS_PORT=9105
WORKDIR /app
RUN mkdir -p /data /logs && chown node:node /data /logs
COPY --from=runtime-deps /app/node_modules node_modules
COPY package.json tools/docker/healthcheck.js tools/docker/env-files.js ./
COPY --from=build /app/out/libs libs
COPY --from=build /app/out/apps/console apps/console
COPY --from=web /app/apps/web/dist apps/web/dist
USER node
EXPOSE 8080 9105
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/app/healthcheck.js"]
# --max-semi-space-size: see SERVICE_NODE_FLAGS in libs/testing/src/launcher/service-launcher.ts;
# env-files.js: NAME_FILE=/run/secrets/x sets NAME (Compose secrets).
ENTRYPOINT ["node", "--max-semi-space-size=64", "-r", "/app/env-files.js", "apps/console/src/main.js"]
