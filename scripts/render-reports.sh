#!/usr/bin/env bash
# Renders every example scenario's report and screenshots it in headless Chromium, to look at the
# reports as a reader sees them in a browser. Builds nothing: it needs the CLI jar first
# (`mvn -B install -DskipTests`, or `mvn -B package -DskipTests -pl hvcluster-cli -am`).
# Not part of `mvn verify` (ReportLooksTest checks the same reports' layout numbers there).
#
# Usage: scripts/render-reports.sh [OUT_DIR]
#   OUT_DIR  where to write, default target/report-screenshots; for each examples/NAME.json that is a
#            scenario it writes OUT_DIR/NAME/ (index.html, timeline.svg, trace.jsonl) and OUT_DIR/NAME.png
# Environment: CHROMIUM (the browser to run, default the first of chromium, chromium-browser,
#              google-chrome on the PATH), JAVA (default java), WIDTH and HEIGHT of the window
#              (default 1280 and 1500).
# Exit codes: 0 every report rendered and screenshot; 1 a run or a screenshot failed; 2 something needed
#             is missing (the jar, the browser, the output directory).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/hvcluster-cli/target/hvcluster.jar"
out="${1:-$root/target/report-screenshots}"
java="${JAVA:-java}"
width="${WIDTH:-1280}"
height="${HEIGHT:-1500}"

fail() {
  echo "render-reports: $1" >&2
  exit "${2:-2}"
}

if [ ! -f "$jar" ]; then
  fail "no CLI jar at $jar; build it first: mvn -B install -DskipTests"
fi
browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null 2>&1; then
      browser="$candidate"
      break
    fi
  done
fi
if [ -z "$browser" ] || ! command -v "$browser" > /dev/null 2>&1; then
  fail "no Chromium found (looked for ${CHROMIUM:-chromium, chromium-browser, google-chrome}); install it\
 (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM to the browser's path"
fi
mkdir -p "$out" || fail "cannot create the output directory $out"
out="$(cd "$out" && pwd)"

# A scenario has a "duration" (it is required); the cluster descriptions next to them (retail-4-node.json, ...)
# have none and are skipped.
is_scenario() {
  grep -Eq '"duration"[[:space:]]*:' "$1"
}

rendered=0
failed=0
for scenario in "$root"/examples/*.json; do
  is_scenario "$scenario" || continue
  name="$(basename "$scenario" .json)"
  dir="$out/$name"
  rm -rf "$dir"
  if ! "$java" -jar "$jar" simulate --scenario "$scenario" --report "$dir" > "$out/$name.log" 2>&1; then
    echo "render-reports: simulate failed for examples/$name.json; see $out/$name.log" >&2
    failed=$((failed + 1))
    continue
  fi
  png="$out/$name.png"
  rm -f "$png"
  # Chromium prints its own chatter on stderr; keep it in a log next to the picture.
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
    --screenshot="$png" "file://$dir/index.html" > "$out/$name.chromium.log" 2>&1 || true
  if [ ! -s "$png" ]; then
    echo "render-reports: $browser wrote no screenshot for examples/$name.json; see $out/$name.chromium.log" >&2
    failed=$((failed + 1))
    continue
  fi
  echo "render-reports: examples/$name.json -> $png"
  rendered=$((rendered + 1))
done

if [ "$rendered" -eq 0 ] && [ "$failed" -eq 0 ]; then
  fail "no scenario found in $root/examples"
fi
if [ "$failed" -gt 0 ]; then
  fail "$failed of $((rendered + failed)) examples failed" 1
fi
echo "render-reports: $rendered reports screenshot in $out"
