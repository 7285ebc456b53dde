# syntax=docker/dockerfile:1
# The shop as one image: the bundled server plus both built apps (and the storefront's renderer). Three stages: production
# dependencies only, a full build, and a small non-root runtime that copies what it needs.

# ── Production dependencies (no install scripts: the Prisma client is generated at build time
#    and bundled into the server; argon2 and sharp ship prebuilt binaries as npm packages) ──
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/storefront/package.json apps/storefront/
COPY apps/admin/package.json apps/admin/
COPY packages/api/package.json packages/api/
COPY packages/auth/package.json packages/auth/
COPY packages/client/package.json packages/client/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/media/package.json packages/media/
COPY packages/ui/package.json packages/ui/
COPY packages/validators/package.json packages/validators/
COPY packages/webhooks/package.json packages/webhooks/
# The stand-in the root `overrides` install for @prisma/streams-local (needs Node 22; see docs/security.md).
COPY deploy/stubs deploy/stubs
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ── Build: every dependency, the generated Prisma client, `npm run build` ────────────────────
FROM node:20-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# ── Runtime ──────────────────────────────────────────────────────────────────────────────────
FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
# Migrations are applied by the server at start (under an advisory lock, so replicas starting
# together migrate once).
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/apps/server/dist ./apps/server/dist
COPY --from=build /app/apps/storefront/dist ./apps/storefront/dist
# The storefront's server renderer (`vite build --ssr`), imported by the server at start.
COPY --from=build /app/apps/storefront/dist-ssr ./apps/storefront/dist-ssr
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
# The app's files stay root-owned and read-only to it; only the data directory (embedded
# database, uploaded images) is writable. Mount a volume there, or point DATABASE_URL at
# PostgreSQL and keep only the media.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches Node directly (no shell, no npm in between), which drains requests and exits.
CMD ["node", "--enable-source-maps", "apps/server/dist/main.js"]
