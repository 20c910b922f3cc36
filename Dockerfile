# syntax=docker/dockerfile:1
# The image of every service and of the gateway: APP names which one. From the repository root:
#   docker build --build-arg APP=identity -t coaching-platform/identity .
# APP is one of identity, coaching, learning, notifications, gateway. The build and deps
# stages do not depend on APP, so one build of the workspace serves every image from the
# layer cache.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm install --no-save --no-audit --no-fund
COPY . .
# SWC compiles apps/, libs/ and scripts/ to dist/, mirroring the source tree.
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm install --no-save --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APP=${APP}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The gateway serves the OpenAPI and AsyncAPI documents from docs/; the folder is small,
# so every image carries it.
COPY docs ./docs
# An image without APP, or for an app that does not exist, fails here rather than at start.
RUN test -n "$APP" && test -f "dist/apps/$APP/src/main.js" \
  || { echo "build with --build-arg APP=identity|coaching|learning|notifications|gateway" >&2; exit 1; }
USER node
# Each app listens on PORT, else on its own port: gateway 3000, identity 3101, coaching 3102,
# learning 3103, notifications 3104 (the health check below falls back the same way).
EXPOSE 3000 3101 3102 3103 3104
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "const port = process.env.PORT || { gateway: 3000, identity: 3101, coaching: 3102, learning: 3103, notifications: 3104 }[process.env.APP]; fetch('http://127.0.0.1:' + port + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM stops consuming, finishes in-flight work and flushes outboxes before exit.
STOPSIGNAL SIGTERM
# `exec`: node replaces the shell and receives the stop signal itself.
# SERVICE_HEAP_MB, when set, limits the old generation of the heap, in MB (as scripts/services.sh);
# give the container some 150 MB more than that.
CMD ["sh", "-c", "exec node ${SERVICE_HEAP_MB:+--max-old-space-size=$SERVICE_HEAP_MB} dist/apps/$APP/src/main.js"]
