# certgate flow-runtime: deployed flows, sender-channel authorization, receiver calls.
#   docker build -f tools/docker/flow-runtime.Dockerfile -t certgate/flow-runtime:local .
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

FROM deps AS runtime-deps
RUN npm prune --omit=dev --offline --no-audit --no-fund && rm -rf node_modules/.cache

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    CERTGATE_DATA_DIR=/data \
    CERTGATE_LOG_DIR=/logs \
    METRICS_HOST=0.0.0.0 \
    METRICS_PORT=9104
WORKDIR /app
RUN mkdir -p /data /logs && chown node:node /data /logs
COPY --from=runtime-deps /app/node_modules node_modules
COPY package.json tools/docker/healthcheck.js tools/docker/env-files.js ./
COPY --from=build /app/out/libs libs
COPY --from=build /app/out/apps/flow-runtime apps/flow-runtime
USER node
EXPOSE 9104
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/app/healthcheck.js"]
# --max-semi-space-size: see SERVICE_NODE_FLAGS in libs/testing/src/launcher/service-launcher.ts;
# env-files.js: NAME_FILE=/run/secrets/x sets NAME (Compose secrets).
ENTRYPOINT ["node", "--max-semi-space-size=64", "-r", "/app/env-files.js", "apps/flow-runtime/src/main.js"]
