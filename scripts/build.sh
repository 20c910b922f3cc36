#!/usr/bin/env bash
# Compiles every app, library and script with SWC into dist/, mirroring the source tree
# (dist/apps/<app>/src/main.js). Type checking is a separate step: `npm run typecheck`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx swc apps libs scripts bench -d dist --config-file .swcrc --quiet \
  --ignore '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/test/**,**/project.json,**/Dockerfile'
# Library code is resolved through relative paths that SWC wrote from the tsconfig aliases.
test -f dist/apps/gateway/src/main.js
