# One image for every certgate service; the command picks the app. First version: runs
# from source with SWC like `npm start`. (Building it where no registry can be pulled
# from is the deployment issue's job.)
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
ENV NODE_ENV=production CERTGATE_DATA_DIR=/data CERTGATE_LOG_DIR=/logs
USER node
# --max-semi-space-size: see SERVICE_NODE_FLAGS in libs/testing/src/launcher/service-launcher.ts
ENTRYPOINT ["node", "--max-semi-space-size=64", "-r", "@swc-node/register"]
