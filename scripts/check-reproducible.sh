#!/usr/bin/env bash
# Checks that the build is reproducible: two clean builds of this working tree give byte-identical jars
# (every jar of every module: main, sources, javadoc, test fixtures, and the CLI's shaded jar).
# Usage: scripts/check-reproducible.sh [--reuse]
#   --reuse  take the jars already in */target as the first build (CI runs this right after `mvn verify`)
set -euo pipefail
cd "$(dirname "$0")/.."

record() {
  find . -path ./node_modules -prune -o -path '*/target/*.jar' -print | grep -v '/target/.*/' | LC_ALL=C sort \
    | xargs sha256sum
}

first=$(mktemp); second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT

if [ "${1:-}" != "--reuse" ] || [ -z "$(find . -path '*/target/*.jar' -print -quit)" ]; then
  mvn -B -q -DskipTests clean package
fi
record > "$first"
mvn -B -q -DskipTests clean package
record > "$second"

count=$(wc -l < "$first")
if [ "$count" -eq 0 ]; then
  echo "check-reproducible: no jars were built" >&2
  exit 1
fi
if ! diff -u "$first" "$second"; then
  echo "check-reproducible: the jars above differ between two clean builds of one tree" >&2
  exit 1
fi
echo "check-reproducible: $count jars identical in two clean builds"
