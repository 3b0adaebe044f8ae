#!/usr/bin/env bash
# Mozilla's linter on the Firefox build; any error fails (warnings are printed, not fatal).
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
cd "$RG_ROOT"
out=$(npx --no-install web-ext lint --source-dir dist/firefox --no-config-discovery --output json || true)
node -e '
  const r = JSON.parse(process.argv[1]);
  for (const m of [...r.errors, ...r.warnings]) console.log(`${m._type}: ${m.code} ${m.file || ""} ${m.message}`);
  console.log(`web-ext lint: ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.notices.length} notices`);
  process.exit(r.errors.length ? 1 : 0);
' "$out"
