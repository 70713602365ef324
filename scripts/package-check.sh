#!/usr/bin/env bash
# The packed tarball installed as a consumer installs it: `npm install` with its dependencies
# from the registry (needs the network). The default suite checks the same tarball offline,
# its dependencies linked from node_modules; this also checks that the declared versions
# resolve from the registry (and that the README's flechette override still suffices).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
FORLOB_PACKAGE_INSTALL=registry npx vitest run tests/package.test.ts
