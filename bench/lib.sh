# Shared settings of the bench scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench}"   # everything the bench writes: site, nginx, runs (never committed)
BENCH_HOSTS="${BENCH_HOSTS:-50}"
BENCH_ARTICLES="${BENCH_ARTICLES:-10002}"
BENCH_PORT="${BENCH_PORT:-18080}"
SITE="$BENCH_WORK/site"
NGINX_DIR="$BENCH_WORK/nginx"
CLASSES="$BENCH_WORK/classes"

# The bench's Java tools need only the JDK: compile them straight from src/test/java, no Maven.
bench_compile() {
  local src="$ROOT/src/test/java/io/herald/bench"
  local files=("$src/NewsWeb.java" "$src/Prose.java" "$src/NewsPages.java" "$src/NewsWebGenerator.java" "$src/AccessLogGaps.java")
  if [[ ! -f "$CLASSES/io/herald/bench/AccessLogGaps.class" ]] || [[ -n "$(find "${files[@]}" -newer "$CLASSES/io/herald/bench/AccessLogGaps.class" -print -quit)" ]]; then
    rm -rf "$CLASSES" && mkdir -p "$CLASSES"
    javac -nowarn -d "$CLASSES" "${files[@]}"
  fi
}
