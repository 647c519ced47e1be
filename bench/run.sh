#!/usr/bin/env bash
# Piazza's benchmark (issue 7). One command: builds the jar if needed, measures the cold start, starts a PostgreSQL,
# runs the migrations, bulk-loads a synthetic city, starts Piazza against it, runs the workloads and pgbench, and
# writes target/bench/<scale>/results.{md,json}. See docs/benchmarks.md.
#
#   bench/run.sh --scale 100k                  # 100 000 people and cases (about 7 minutes)
#   bench/run.sh --scale 1m --concurrency 32   # options: see docs/benchmarks.md
#   bench/run.sh --no-build ...                # reuse target/ as it is
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for a in "$@"; do
  if [[ $a == --no-build ]]; then build=0; else args+=("$a"); fi
done

java=""
for candidate in "${PIAZZA_BENCH_JAVA:-}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "${JAVA_HOME:-/nonexistent}/bin/java" \
                 "$(command -v java || true)"; do
  if [[ -n $candidate && -x $candidate ]] \
     && [[ $("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p') -ge 21 ]]; then
    java=$candidate; break
  fi
done
[[ -n $java ]] || { echo "bench: needs a JDK >= 21 (set PIAZZA_BENCH_JAVA)" >&2; exit 1; }

if ! command -v pgbench >/dev/null; then
  echo "bench: pgbench missing; installing Debian's postgresql-client" >&2
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q postgresql-client >/dev/null; else sudo apt-get install -y -q postgresql-client >/dev/null; fi
fi

mkdir -p target/bench
if [[ $build == 1 ]]; then
  echo "bench: building (./mvnw package -DskipTests)"
  ./mvnw -B -ntp -q package -DskipTests
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
fi
jar=$(ls target/piazza-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[[ -n $jar && -f target/bench/classpath.txt ]] || { echo "bench: no jar; run without --no-build" >&2; exit 1; }

exec "$java" -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host \
  -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  it.piazza.bench.Bench --jar "$jar" --java "$java" "${args[@]}"
