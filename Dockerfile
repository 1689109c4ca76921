# quay-config container image: the wizard on 8443 (`docker run -p 8443:8443 IMAGE config <password>`)
# and the CLI (`docker run -v $PWD:/conf/stack IMAGE validate /conf/stack`).
# test/docker/dockerfile.test.ts checks that every COPY source exists in the repository and that
# the runtime stage gets every path the server and the CLI load.

# ---- build: dependencies and the Next.js production build ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# npm ci runs the prepare script (scripts/build-cli.mjs), which waits for lib/: the CLI is built below.
COPY scripts/build-cli.mjs scripts/cli-build.mjs scripts/cli-bundle.cjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json next.config.mjs ./
COPY app ./app
COPY components ./components
COPY lib ./lib
COPY schema ./schema
COPY bin ./bin
# Tests are not part of the image (lib's tests import test/, which is not copied; a type-checking
# build would fail on them). public/ is optional for Next and not in the repository until it has files.
RUN find lib -name '*.test.ts' -delete && mkdir -p public \
 && node node_modules/next/dist/bin/next build \
 && node scripts/build-cli.mjs \
 && rm -rf .next/cache \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: only what serving and the CLI need, as a non-root user ----
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=8443
COPY --from=build /app/package.json /app/next.config.mjs /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/schema ./schema
COPY --from=build /app/public ./public
COPY --from=build /app/bin ./bin
COPY --from=build /app/scripts/cli-bundle.cjs /app/scripts/cli-build.mjs ./scripts/
COPY --from=build /app/dist ./dist
COPY docker/entrypoint.sh /usr/local/bin/quay-config-entrypoint
RUN mkdir -p /conf/stack /conf/tls && chown -R 1001:0 /conf && chmod -R g=u /conf
USER 1001
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "require('https').get({host:'127.0.0.1',port:process.env.PORT||8443,path:'/api/v2/health',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"
ENTRYPOINT ["quay-config-entrypoint"]
CMD ["config"]
