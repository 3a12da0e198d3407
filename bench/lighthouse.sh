#!/usr/bin/env bash
# Lighthouse 12.2.3 scores (performance, accessibility, best practices, SEO) for the home
# and the seed's article pages in both languages, with Debian's chromium. A benchmark, not a test.
#
#   bench/lighthouse.sh [SITE_DIR]        (default: site; build it first with `digest build`)
#
# Lighthouse is installed once into .cache/lighthouse (npm, --ignore-scripts). The site is
# served on 127.0.0.1 under its base path by tests/webserver.py. Set LH_PRESET=desktop for
# desktop emulation (default: Lighthouse's mobile with simulated throttling). Reports: .cache/lighthouse/reports.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=${1:-site}
TOOLS=.cache/lighthouse
LH=$TOOLS/node_modules/.bin/lighthouse
PAGES=(en/index.html hi/index.html
       en/articles/rajnath-singh-sco-bilateral-meetings-2023-04-28.html
       hi/articles/rajnath-singh-sco-bilateral-meetings-2023-04-28.html)
[ -d "$SITE" ] || { echo "no site at $SITE: run digest build first" >&2; exit 2; }
if [ ! -x "$LH" ]; then
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
  npm install --prefix "$TOOLS" --ignore-scripts --no-audit --no-fund --silent lighthouse@12.2.3
fi
mkdir -p "$TOOLS/reports"
PREFIX=$(.venv/bin/python -c "from pathlib import Path; from generator import config; from generator.render import base_path; print(base_path(config.load(Path('.'))[0].base_url))")
PORTS=$(mktemp)
.venv/bin/python tests/webserver.py "$SITE" --prefix "$PREFIX" >"$PORTS" &
SERVER=$!
PROFILE=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$PROFILE" "$PORTS"' EXIT
for _ in $(seq 50); do [ -s "$PORTS" ] && break; sleep 0.1; done
BASE=$(head -1 "$PORTS")
preset=(); [ "${LH_PRESET:-}" = desktop ] && preset=(--preset=desktop)
for page in "${PAGES[@]}"; do
  name=$(echo "$page" | tr '/.' '__')
  CHROME_PATH=/usr/bin/chromium "$LH" "$BASE$page" "${preset[@]}" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$TOOLS/reports/$name.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage --user-data-dir=$PROFILE" \
    || { echo "$page: lighthouse failed" >&2; continue; }
  .venv/bin/python - "$TOOLS/reports/$name.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
cats = report["categories"]
scores = " ".join(f"{k}={round(v['score'] * 100) if v['score'] is not None else 'n/a'}" for k, v in cats.items())
print(f"{sys.argv[2]}: {scores}")
for cat in cats.values():
    for ref in cat["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in ("binary", "metricSavings") and ref.get("weight", 0) > 0:
            print(f"    {cat['id']}: {audit['id']} ({audit['score']}): {audit['title']}")
PY
done
