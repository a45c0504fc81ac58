#!/usr/bin/env bash
# The national benchmark on PostgreSQL, whole, in one run, one report (docs/benchmark.md, "National run on PostgreSQL"):
#
#   1. the packaged application (target/review-cascade-*.jar, profile postgres) with the national tree of NationalTree
#      (53,356 units), launched as the Docker image does (docker/class-data.sh): a first start on an empty database,
#      a restart, a restart of the plain jar, a third restart;
#   2. on the third restart, as an administrator: the sample plan 901-KH/TW registered, POST /api/campaigns over the
#      whole tree (its answer time), then GET /api/campaigns/{id} polled until no unit is left to open;
#   3. the observer screens' first pages on that opened campaign, over HTTP: the dashboard's calls, the overdue lists,
#      the units page, Tasklist's counts as a base unit's drafter and as the organising board (Ban Tuyên giáo và Dân
#      vận Trung ương, btgdv-tw); the overdue lists again once a fifth of the units are made overdue by SQL;
#   4. NationalBenchmark (the same campaign in the test harness, beside the bare engine's floor), ApprovalRowsBenchmark,
#      UserImportBenchmark and AuthorizationBenchmark, each on its own PostgreSQL database;
#   5. BurstBenchmark: an escalation burst over the national tree (every base unit overdue at once), its enqueue time
#      and delivery rate to a loopback SMTP server, beside the design it replaced, on its own database;
#   6. with part "deadline", the campaign of 2. is started with every base unit's report and every level's guidance due
#      BENCH_DEADLINE_MINUTES after the request: once the screens are measured, the run waits for that instant and
#      follows what the packaged application does when the burst's timer and every unit's timers fall due together:
#      when the escalation mails are written, and how the units' own escalations follow.
#
# Every part is preceded by its name in the report and followed by the load average sampled every 5 s while it ran
# (/proc/loadavg): the machine may be shared, and the figures only compare with figures taken under the same load.
# The databases (<prefix>app, <prefix>national, <prefix>approval, <prefix>import, <prefix>authz_581,
# <prefix>authz_<units>, <prefix>burst) are dropped before and after, unless BENCH_KEEP_DATABASES=true.
#
#   bash src/test/benchmark/national-postgres.sh
#
# 36 minutes at the national size on 2 cores shared with other work (load 5-12). Not part of CI (.ci/run does not
# call it). Settings, from the environment:
#   BENCH_DB_PREFIX       database names' prefix (review_cascade_bench_)
#   BENCH_PG_URL          PostgreSQL, trust or password-less user postgres (jdbc:postgresql://127.0.0.1:5432/)
#   BENCH_PORT            the packaged application's port (8186); the user import uses BENCH_PORT+1, the
#                         authorization benchmark BENCH_PORT+2
#   BENCH_MAIL_PORT       the SMTP port the packaged application is pointed at; nothing needs to listen (2526)
#   BENCH_OUT             where the report, logs and samples go (target/national-run)
#   BENCH_HEAP            max heap of the packaged application and of the benchmarks' JVMs (3g)
#   BENCH_SIZES           "provinces communes bases" (34 3321 50000); "3 60 600" tries the script in minutes
#   BENCH_PARTS           which parts, comma-separated (build,start,campaign,screens,deadline,national,approval,import,
#                         authorization,burst)
#   BENCH_SCREEN_RUNS     timed requests of each screen, after 2 untimed (10)
#   BENCH_AUTHZ_RUNS      AuthorizationBenchmark's timed calls of each kind, after 3 untimed (15: about 10-15 minutes)
#   BENCH_OPENING_MINUTES how long the campaign may take to open before the run goes on without it (120)
#   BENCH_DEADLINE_MINUTES with part "deadline": the national deadline, this long after the campaign's request (15)
#   BENCH_DEADLINE_WAIT   with part "deadline": how long to follow it after the instant, in minutes (12)
#   BENCH_KEEP_DATABASES  true keeps the databases afterwards
set -uo pipefail
cd "$(dirname "$0")/../../.."

PREFIX=${BENCH_DB_PREFIX:-review_cascade_bench_}
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/}
PORT=${BENCH_PORT:-8186}
MAIL_PORT=${BENCH_MAIL_PORT:-2526}
OUT=${BENCH_OUT:-target/national-run}
HEAP=${BENCH_HEAP:-3g}
read -r PROVINCES COMMUNES BASES <<< "${BENCH_SIZES:-34 3321 50000}"
PARTS=${BENCH_PARTS:-build,start,campaign,screens,deadline,national,approval,import,authorization,burst}
SCREEN_RUNS=${BENCH_SCREEN_RUNS:-10}
AUTHZ_RUNS=${BENCH_AUTHZ_RUNS:-15}
OPENING_MINUTES=${BENCH_OPENING_MINUTES:-120}
DEADLINE_MINUTES=${BENCH_DEADLINE_MINUTES:-15}
DEADLINE_WAIT=${BENCH_DEADLINE_WAIT:-12}
KEEP=${BENCH_KEEP_DATABASES:-false}

UNITS=$((1 + PROVINCES + COMMUNES + BASES))
IMPORT_LINES=$((UNITS < 53000 ? UNITS : 53000))
HOSTPORT=${PG_URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORT%%/*}
PG_HOST=${HOSTPORT%%:*}
PG_PORT=${HOSTPORT##*:}
[ "$PG_PORT" = "$HOSTPORT" ] && PG_PORT=5432
DATABASES=("${PREFIX}app" "${PREFIX}national" "${PREFIX}approval" "${PREFIX}import" "${PREFIX}authz_581"
  "${PREFIX}authz_${UNITS}" "${PREFIX}burst")
SIZE_OPTIONS=(-Dbenchmark.provinces="$PROVINCES" -Dbenchmark.communes="$COMMUNES" -Dbenchmark.bases="$BASES")
ADMIN=admin
ADMIN_PASSWORD=Do-Tai-Quoc-Gia-2030
PASSWORD=Do-Tai-Nguoi-Xem-2030
OBSERVER=bench.tw
OBSERVER_GROUP=btgdv-tw
BASE_USER=bench.base
BASE_URL=http://127.0.0.1:$PORT
REPORT=$OUT/report.md
APP_PID=
SAMPLER_PID=

for tool in curl jq psql keytool java mvn awk; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 1; }
done
has_part() { [[ ",$PARTS," == *",$1,"* ]]; }
# Without the notices of "drop database if exists".
export PGOPTIONS=--client-min-messages=warning
psql_admin() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_app() { psql -X -A -t -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "${PREFIX}app" -v ON_ERROR_STOP=1 "$@"; }
drop_databases() {
  for database in "${DATABASES[@]}"; do
    psql_admin -c "drop database if exists $database" || true
  done
}
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
say() { echo "$*" | tee -a "$REPORT"; }
note() { echo "[$(date +%T)] $*"; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2> /dev/null
  if [ "$KEEP" != true ]; then drop_databases; fi
}
trap cleanup EXIT

# --- load average ------------------------------------------------------------------------------------------------

# Every 5 s: the time, the load averages over 1, 5 and 15 minutes, runnable/all tasks.
sample_load() {
  while true; do
    echo "$(date +%s) $(cut -d' ' -f1-4 /proc/loadavg)" >> "$OUT/loadavg.txt"
    sleep 5
  done
}

PART_STARTED=
begin_part() {
  PART_STARTED=$(date +%s)
  note "part: $1"
  say ""
  say "## $1"
  say ""
  say "Began $(date '+%Y-%m-%d %H:%M:%S %Z'), load average $(cut -d' ' -f1-3 /proc/loadavg)."
  say ""
}

# The 1-minute load average over the part: mean, lowest and highest of its samples, and the 5-minute one at its end.
end_part() {
  local ended
  ended=$(date +%s)
  say ""
  say "$(awk -v from="$PART_STARTED" -v to="$ended" '$1 >= from && $1 <= to {
      n++; s += $2; if (n == 1 || $2 < lo) lo = $2; if ($2 > hi) hi = $2; last5 = $3 }
    END { if (n == 0) printf "Load average at its end: %s (no sample during it).\n", now; else printf "Load average (1 min) during this part: mean %.1f, from %.1f to %.1f (%d samples every 5 s); 5-min average at its end %.1f. Part took %d s.\n", s / n, lo, hi, n, last5, to - from }' \
    now="$(cut -d' ' -f1-3 /proc/loadavg)" "$OUT/loadavg.txt")"
}

# --- the packaged application ------------------------------------------------------------------------------------

# Starts the application on <prefix>app; one row of the start table. $1: the log's name, $2: the row's label, $3:
# "image" to launch it as the Docker image does (unpacked, with the class data archive of docker/class-data.sh),
# "jar" to launch the packaged jar itself.
start_app() {
  local name=$2 log="$OUT/app-$1.log" started launch=(-jar "$JAR")
  [ "$3" = image ] && launch=(-XX:SharedArchiveFile="$IMAGE/review-cascade.jsa" -jar "$IMAGE/review-cascade.jar")
  started=$(now)
  : > "$log"
  REVIEW_CASCADE_SIGNING_KEYSTORE="$OUT/signing.p12" REVIEW_CASCADE_SIGNING_PASSWORD=measure-only \
  ADMIN_USER=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx"$HEAP" "${launch[@]}" --spring.profiles.active=postgres \
    --spring.datasource.url="$PG_URL${PREFIX}app" --spring.datasource.username=postgres --spring.datasource.password= \
    --review-cascade.units-file="file:$TREE" \
    --review-cascade.security.observer-groups=bdv-tu,btc-tu,btgdv-tu,"$OBSERVER_GROUP" \
    --server.port="$PORT" --spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT" > "$log" 2>&1 &
  APP_PID=$!
  until grep -q "Started ReviewCascadeApplication" "$log"; do
    if ! kill -0 "$APP_PID" 2> /dev/null || grep -q "APPLICATION FAILED TO START\|Application run failed" "$log"; then
      say "**$name: the application did not start** (see $log):"
      say '```'
      grep -m 5 -A 3 "ERROR\|FAILED" "$log" | tee -a "$REPORT"
      say '```'
      APP_PID=
      return 1
    fi
    sleep 0.2
  done
  say "| $name | $3 | $(seconds_since "$started") s | $(grep -o 'Started ReviewCascadeApplication in [0-9.]* seconds' "$log" \
    | grep -o '[0-9.]* seconds') | $(grep -o 'Set-up step [A-Za-z]*: [0-9]* ms' "$log" | sed 's/Set-up step //' \
    | paste -sd ';' | sed 's/;/; /g') |"
  if grep -q "Unable to use shared archive" "$log"; then
    say "(the class data archive did not fit: $(grep -m 1 'Unable to use shared archive' "$log"))"
  fi
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2> /dev/null
    wait "$APP_PID" 2> /dev/null
    APP_PID=
  fi
}

# curl as a user; the body goes to $OUT/last-body.json; prints "<status> <seconds>".
call() {
  local user=$1 method=$2 path=$3 password=$PASSWORD
  shift 3
  [ "$user" = "$ADMIN" ] && password=$ADMIN_PASSWORD
  curl -s -o "$OUT/last-body.json" -w '%{http_code} %{time_total}' -u "$user:$password" -X "$method" \
    -H 'Accept: application/json' --max-time 900 "$@" "$BASE_URL$path"
}

# A screen's request: 2 untimed, then $SCREEN_RUNS timed; one row of median, 90th percentile, max, answer size.
screen() {
  local label=$1 user=$2 path=$3 times=() result status bytes
  for i in $(seq -1 "$SCREEN_RUNS"); do
    result=$(call "$user" GET "$path")
    status=${result% *}
    if [ "$status" != 200 ]; then
      say "| $label | HTTP $status: $(head -c 300 "$OUT/last-body.json") | | | |"
      return
    fi
    [ "$i" -ge 1 ] && times+=("${result#* }")
  done
  bytes=$(wc -c < "$OUT/last-body.json")
  say "$(printf '%s\n' "${times[@]}" | sort -g | awk -v label="$label" -v bytes="$bytes" -v user="$user" '
    { t[NR] = $1 * 1000 } END { p90 = int(0.9 * NR + 0.999); printf "| %s | %s | %.0f ms | %.0f ms | %.0f ms | %d |", label, user, t[int((NR + 1) / 2)], t[p90], t[NR], bytes }')"
}

# --- benchmarks in the test harness ----------------------------------------------------------------------------

# Runs one benchmark class; its section of target/benchmark.md is appended to the report.
benchmark() {
  local class=$1 log="$OUT/$1.log" started status
  shift
  rm -f target/benchmark.md
  started=$(now)
  mvn -B -Pbenchmark test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xmx$HEAP" \
    "${SIZE_OPTIONS[@]}" "$@" > "$log" 2>&1
  status=$?
  say "\`mvn -B -Pbenchmark test -Dtest=$class $*\`: exit $status, $(seconds_since "$started") s (Maven included)."
  say ""
  if [ -f target/benchmark.md ]; then
    # Without the file's own heading and environment line (each section has its own), one level deeper.
    tail -n +5 target/benchmark.md | sed 's/^## /### /' | tee -a "$REPORT" > /dev/null
    cp target/benchmark.md "$OUT/$class.md"
  else
    say "No figures written; the end of $log:"
    say '```'
    grep -m 20 "ERROR\|FAIL\|Exception" "$log" | tee -a "$REPORT"
    say '```'
  fi
}

# Runs one benchmark class on a database of its own, <prefix><name>, as the application's datasource.
benchmark_on_database() {
  local name=$1 class=$2
  psql_admin -c "create database ${PREFIX}$name"
  benchmark "$class" -Dspring.datasource.url="$PG_URL${PREFIX}$name" -Dspring.datasource.username=postgres \
    -Dspring.datasource.password=
}

# --- the run -----------------------------------------------------------------------------------------------------

mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT/loadavg.txt" "$OUT"/*.md "$OUT"/*.tsv
sample_load &
SAMPLER_PID=$!
{
  echo "# National benchmark on PostgreSQL, $(date '+%Y-%m-%d')"
  echo ""
  echo "Commit $(git rev-parse --short HEAD 2> /dev/null)$(git diff --quiet HEAD 2> /dev/null || echo ' (with local changes)'); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) of memory; $(java -version 2>&1 | head -1); PostgreSQL $(psql -X -A -t -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'show server_version'), autovacuum $(psql -X -A -t -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'show autovacuum'); max heap $HEAP."
  echo "Tree: $PROVINCES provinces, $COMMUNES communes, $BASES base units ($UNITS units). Databases: ${PREFIX}*."
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); every part below gives its own."
} > "$REPORT"
drop_databases

JAR=$(ls target/review-cascade-*.jar 2> /dev/null | grep -v original | head -1)
if has_part build || [ -z "$JAR" ] || [ ! -d target/test-classes ]; then
  begin_part "Build (not a measure)"
  started=$(now)
  mvn -B -DskipTests package > "$OUT/build.log" 2>&1 || { say "The build failed: see $OUT/build.log"; exit 1; }
  say "\`mvn -B -DskipTests package\`: $(seconds_since "$started") s."
  end_part
  JAR=$(ls target/review-cascade-*.jar | grep -v original | head -1)
fi
TREE=$(realpath "$OUT")/national-tree.csv
IMAGE=$(realpath "$OUT")/image
java "${SIZE_OPTIONS[@]}" -cp target/test-classes vn.reviewcascade.benchmark.NationalTree "$TREE" > /dev/null
rm -f "$OUT/signing.p12"
keytool -genkeypair -storetype PKCS12 -keystore "$OUT/signing.p12" -storepass measure-only -alias signing -keyalg RSA \
  -keysize 2048 -validity 30 -dname "CN=Đo tải (không dùng thật), O=review-cascade, C=VN" 2> /dev/null

CAMPAIGN=
if has_part start; then
  begin_part "Start of the packaged application on the national tree"
  psql_admin -c "create database ${PREFIX}app"
  started=$(now)
  sh docker/class-data.sh "$JAR" "$IMAGE" > "$OUT/class-data.log" 2>&1 || { say "docker/class-data.sh failed: see $OUT/class-data.log"; exit 1; }
  say "Prepared as the Docker image is (\`sh docker/class-data.sh\`: unpacked, a class data archive from a training run on H2): $(seconds_since "$started") s, not a measure."
  say ""
  say "\`java -Xmx$HEAP -XX:SharedArchiveFile=…/review-cascade.jsa -jar …/review-cascade.jar --spring.profiles.active=postgres\` as the image launches it (\"image\"), or \`java -Xmx$HEAP -jar $(basename "$JAR")\` (\"jar\"), the tree file of NationalTree ($UNITS units), the job executor on; \"wall\" from the java command to the log line \`Started ReviewCascadeApplication\`; the set-up steps as the application logs them."
  say ""
  say "| start | launched | wall | Spring's own figure | set-up steps |"
  say "|---|---|---|---|---|"
  start_app first "first start, empty database" image && stop_app
  start_app restart-1 "restart 1, every group and filter present" image && stop_app
  start_app restart-jar "restart 2, the plain jar" jar && stop_app
  start_app restart-3 "restart 3 (stays up for the parts below)" image
  end_part
fi

if has_part campaign && [ -n "$APP_PID" ]; then
  begin_part "POST /api/campaigns over the whole tree, then every unit opened (packaged application)"
  # The observer (organising board) and a base unit's drafter, through the engine's REST API as the administrator.
  BASE_UNIT=$(awk -F, '$3 == "BASE" { code = $1 } END { print code }' "$TREE")
  call $ADMIN POST /engine-rest/group/create -H 'Content-Type: application/json' \
    -d "{\"id\": \"$OBSERVER_GROUP\", \"name\": \"Ban Tuyên giáo và Dân vận Trung ương (đo tải)\", \"type\": \"BOARD\"}" > /dev/null
  for user in "$OBSERVER:$OBSERVER_GROUP" "$BASE_USER:$BASE_UNIT.drafters"; do
    call $ADMIN POST /engine-rest/user/create -H 'Content-Type: application/json' -d "{\"profile\": {\"id\": \"${user%%:*}\",
      \"firstName\": \"Người đo\", \"lastName\": \"Tải\", \"email\": \"${user%%:*}@bench.test\"},
      \"credentials\": {\"password\": \"$PASSWORD\"}}" > /dev/null
    result=$(call $ADMIN PUT "/engine-rest/group/${user#*:}/members/${user%%:*}")
    [ "${result% *}" = 204 ] || say "Membership ${user%%:*} in ${user#*:}: HTTP $result $(cat "$OUT/last-body.json")"
  done
  result=$(call $ADMIN POST /api/plans -H 'Content-Type: application/yaml' \
    --data-binary @src/test/resources/benchmark/national-plan.yaml)
  say "Plan 901-KH/TW registered: HTTP ${result% *}. The organising board's user \`$OBSERVER\` ($OBSERVER_GROUP) and a base unit's drafter \`$BASE_USER\` ($BASE_UNIT.drafters) created."
  YEAR=$(($(date +%Y) + 1))
  DEADLINES=
  if has_part deadline; then
    # Every base unit's report and, as the cascade's order then requires, every level's guidance due at one instant;
    # this year's campaign (deadlines fall in its year or the next), the levels' later deadlines in the next.
    YEAR=$(date +%Y)
    DEADLINE=$(date -u -d "@$(( ($(date +%s) / 60 + DEADLINE_MINUTES) * 60 ))" +%Y-%m-%dT%H:%M:%S+00:00)
    DEADLINES=$(jq -cn --arg due "$DEADLINE" --arg next "$((YEAR + 1))" '{
      CENTRE: {guidance: $due, subordinates: ($next + "-05-01"), report: ($next + "-05-15")},
      PROVINCE: {guidance: $due, subordinates: ($next + "-04-01"), report: ($next + "-04-15")},
      COMMUNE: {guidance: $due, subordinates: ($next + "-03-01"), report: ($next + "-03-15")},
      BASE: {report: $due}}')
    DEADLINES=", \"deadlines\": $DEADLINES"
  fi
  POSTED=$(now)
  result=$(call $ADMIN POST /api/campaigns -H 'Content-Type: application/json' \
    -d "{\"plan\": \"901-KH/TW\", \"rootUnit\": \"TW\", \"year\": $YEAR, \"title\": \"Đo tải toàn quốc\"$DEADLINES}")
  CAMPAIGN=$(jq -r '.id // empty' "$OUT/last-body.json")
  say ""
  say "| measure | value |"
  say "|---|---|"
  say "| \`POST /api/campaigns\` (plan 901-KH/TW, root TW, year $YEAR): HTTP status, answer time (curl's time_total) | ${result% *}, **${result#* } s** |"
  if [ -z "$CAMPAIGN" ]; then
    say "| the answer | $(head -c 500 "$OUT/last-body.json") |"
  else
    # Polled every 5 s (each answer's own time too) until the campaign has no unit left to open.
    echo "seconds-since-post get-seconds status stage done total failure stopped" > "$OUT/opening-polls.tsv"
    written_at= opened_at= slowest=0 polls=0 failure=
    while true; do
      elapsed=$(seconds_since "$POSTED")
      result=$(call "$OBSERVER" GET "/api/campaigns/$CAMPAIGN")
      polls=$((polls + 1))
      line=$(jq -r '[(.opening.stage // "OPENED"), (.opening.done // ""), (.opening.total // ""),
        (.opening.failure // "" | tostring | .[0:200]), (.opening.stopped // "" | tostring)] | @tsv' "$OUT/last-body.json" 2> /dev/null)
      echo "$elapsed ${result#* } ${result% *} $line" >> "$OUT/opening-polls.tsv"
      slowest=$(awk -v a="$slowest" -v b="${result#* }" 'BEGIN { print (b > a ? b : a) }')
      stage=$(cut -f1 <<< "$line")
      [ -n "$(cut -f4 <<< "$line")" ] && [ -z "$failure" ] && failure="at $elapsed s: $(cut -f4 <<< "$line")"
      if [ "${result% *}" = 200 ] && [ "$stage" != WRITING ] && [ -z "$written_at" ]; then written_at=$elapsed; fi
      if [ "${result% *}" = 200 ] && [ "$stage" = OPENED ]; then opened_at=$elapsed; break; fi
      if [ "$(cut -f5 <<< "$line")" = true ]; then break; fi
      if awk -v e="$elapsed" -v m="$OPENING_MINUTES" 'BEGIN { exit !(e > m * 60) }'; then break; fi
      sleep 5
    done
    say "| every unit written (\`opening.stage\` no longer WRITING), from the request | ${written_at:-not reached} s |"
    say "| **every unit opened** (\`opening\` gone from \`GET /api/campaigns/{id}\`), from the request | **${opened_at:-not reached within $OPENING_MINUTES min}** s |"
    say "| \`GET /api/campaigns/{id}\` while opening (the organising board's user; $polls polls every 5 s) | slowest ${slowest} s; each poll in $OUT/opening-polls.tsv |"
    say "| a failure reported while opening | ${failure:-none} |"
    psql_app -c "analyze" > /dev/null
    say "| \`unitReview\` instances of the campaign / units / failed jobs (an exception kept) / incidents | $(psql_app -c \
      "select count(*) from act_ru_execution where proc_def_key_ = 'unitReview' and parent_id_ is null and business_key_ like '$CAMPAIGN/%'") / $(psql_app -c \
      "select count(*) from campaign_unit where campaign_id = $CAMPAIGN") / $(psql_app -c \
      "select count(*) from act_ru_job where exception_msg_ is not null") / $(psql_app -c "select count(*) from act_ru_incident") |"
  fi
  end_part
fi

if has_part screens && [ -n "$APP_PID" ] && [ -n "$CAMPAIGN" ]; then
  begin_part "The observer screens' first page on the opened national campaign (packaged application)"
  API=/api/campaigns/$CAMPAIGN
  BASE_UNIT=$(awk -F, '$3 == "BASE" { code = $1 } END { print code }' "$TREE")
  call "$BASE_USER" GET "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=2000" > /dev/null
  MINE=$(jq -r '.[] | select(.name == "Việc của tôi") | .id' "$OUT/last-body.json" 2> /dev/null | head -1)
  say "Over HTTP Basic (each request also checks the password), $SCREEN_RUNS timed requests of each after 2 untimed, one after the other. Open tasks in the country: $(psql_app -c 'select count(*) from act_ru_task'); running processes: $(psql_app -c 'select count(*) from act_ru_execution where parent_id_ is null')."
  say ""
  say "| screen: request | user | median | 90th percentile | max | answer bytes |"
  say "|---|---|---|---|---|---|"
  screen "dashboard: \`GET /api/campaigns\` (every campaign with its counts)" "$OBSERVER" /api/campaigns
  screen "dashboard: \`GET …/rates?page=0&size=20\` at the root" "$OBSERVER" "$API/rates?page=0&size=20"
  screen "dashboard: \`GET …/submissions\` at the root" "$OBSERVER" "$API/submissions"
  screen "dashboard: \`GET …/units/TW/dashboard?size=20\` (the root, its provinces)" "$OBSERVER" "$API/units/TW/dashboard?size=20"
  screen "office: \`GET /api/campaigns/{id}\` (progress; the page polls it)" "$OBSERVER" "$API"
  screen "units page: \`GET …/units?page=0&size=20\`" "$OBSERVER" "$API/units?page=0&size=20"
  screen "overdue list (Cockpit): \`GET /api/overdue-units?size=20\`, none overdue" "$OBSERVER" "/api/overdue-units?size=20"
  screen "overdue list: \`GET …/overdue-units?page=0&size=20\`, none overdue" "$OBSERVER" "$API/overdue-units?page=0&size=20"
  screen "Tasklist: \`GET /engine-rest/task/count\`" "$OBSERVER" /engine-rest/task/count
  screen "Tasklist: filter list with counts (\`GET /engine-rest/filter?resourceType=Task&itemCount=true\`)" "$OBSERVER" \
    "/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000"
  screen "Tasklist: \`GET /engine-rest/task/count\`" "$BASE_USER" /engine-rest/task/count
  screen "Tasklist: filter list with counts" "$BASE_USER" "/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000"
  [ -n "$MINE" ] && screen "Tasklist: \"Việc của tôi\" count (\`GET /engine-rest/filter/{id}/count\`)" "$BASE_USER" "/engine-rest/filter/$MINE/count"
  screen "dashboard: \`GET …/units/{base}/dashboard\`, the user's own unit" "$BASE_USER" "$API/units/$BASE_UNIT/dashboard"
  screen "units page: \`GET …/units?page=0&size=20\`, the user's own" "$BASE_USER" "$API/units?page=0&size=20"
  # A fifth of the units overdue, as the engine's escalation timers would have made them: 4 of every 20 by code.
  overdue=$(psql_app -c "insert into escalation (campaign_id, unit_code, deadline, raised_at)
      select r.campaign_id, r.unit_code, d.due, d.due from (select campaign_id, unit_code, level,
        row_number() over (order by unit_code) - 1 as i from campaign_unit where campaign_id = $CAMPAIGN) r
      join campaign_deadline d on d.campaign_id = r.campaign_id and d.level = r.level and d.kind = 'REPORT'
      where r.i % 20 between 14 and 17 and r.unit_code <> 'TW' returning 1" | wc -l)
  psql_app -c "analyze" > /dev/null
  say "| *then $overdue units made overdue (an escalation row each, by SQL, 4 of every 20 units by code), \`ANALYZE\`* | | | | | |"
  screen "overdue list (Cockpit): \`GET /api/overdue-units?size=20\`" "$OBSERVER" "/api/overdue-units?size=20"
  screen "overdue list: \`GET …/overdue-units?page=0&size=20\`" "$OBSERVER" "$API/overdue-units?page=0&size=20"
  screen "units page, overdue only: \`GET …/units?overdue=true&page=0&size=20\`" "$OBSERVER" "$API/units?overdue=true&page=0&size=20"
  screen "dashboard: \`GET …/rates?page=0&size=20\` at the root" "$OBSERVER" "$API/rates?page=0&size=20"
  screen "dashboard: \`GET …/units/TW/dashboard?size=20\`" "$OBSERVER" "$API/units/TW/dashboard?size=20"
  end_part
fi

if has_part deadline && [ -n "$APP_PID" ] && [ -n "$CAMPAIGN" ] && [ -n "${DEADLINE:-}" ]; then
  begin_part "A national deadline: the escalation burst and every unit's timers due at one instant (packaged application)"
  # The screens part's overdue units were made by SQL: the deadline raises its own.
  psql_app -c "delete from escalation where campaign_id = $CAMPAIGN" > /dev/null
  BURST_DUE=$(psql_app -c "select j.duedate_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
    where e.business_key_ = '$CAMPAIGN/bursts'")
  due_together=$(psql_app -c "select count(*) from act_ru_job where duedate_ = '$BURST_DUE'")
  say "Campaign $CAMPAIGN: every base unit's report and every level's guidance due at **$DEADLINE**; jobs due at that instant, the burst's timer among them: **$due_together** (by job priority: $(psql_app -c \
    "select string_agg(priority_ || ': ' || n, ', ' order by priority_ desc) from (select priority_, count(*) n from act_ru_job where duedate_ = '$BURST_DUE' group by priority_) p"))."
  deadline_epoch=$(date -d "$DEADLINE" +%s)
  while [ "$(date +%s)" -lt "$deadline_epoch" ]; do sleep 1; done
  # Every 5 s from the instant: the escalation mails written by the burst, the units' escalations raised.
  echo -e "seconds\tescalation_mails\tunit_escalations" > "$OUT/deadline.tsv"
  bases=$(psql_app -c "select count(*) from campaign_unit where campaign_id = $CAMPAIGN and level = 'BASE'")
  burst_at=
  while [ $(( $(date +%s) - deadline_epoch )) -lt $((DEADLINE_WAIT * 60)) ]; do
    sleep 5
    row=$(psql_app -F ' ' -c "select (select count(*) from mail_outbox where campaign_id = $CAMPAIGN and kind = 'ESCALATION'),
      (select count(*) from escalation where campaign_id = $CAMPAIGN)")
    echo -e "$(( $(date +%s) - deadline_epoch ))\t${row// /$'\t'}" >> "$OUT/deadline.tsv"
    [ -z "$burst_at" ] && [ "${row%% *}" -gt 0 ] && burst_at=$(( $(date +%s) - deadline_epoch ))
    [ -n "$burst_at" ] && [ "${row##* }" -ge "$bases" ] && break
  done
  AFTER="extract(epoch from %s - timestamptz '$DEADLINE')"
  say ""
  say "| measure (seconds after the deadline) | value |"
  say "|---|---|"
  say "| the burst's escalation mails: written first / last (their time), how many | $(psql_app -F ' / ' -c \
    "select round($(printf "$AFTER" 'min(created_at)')::numeric, 1), round($(printf "$AFTER" 'max(created_at)')::numeric, 1), count(*)
     from mail_outbox where campaign_id = $CAMPAIGN and kind = 'ESCALATION'") (seen by the 5-s poll after ${burst_at:-never} s) |"
  say "| the units' escalations (each unit's own timer): first / median / last raised, how many of $bases base units | $(psql_app -F ' / ' -c \
    "select round(min(t)::numeric, 1), round(percentile_cont(0.5) within group (order by t)::numeric, 1), round(max(t)::numeric, 1), count(*)
     from (select $(printf "$AFTER" 'raised_at') as t from escalation where campaign_id = $CAMPAIGN) e") |"
  say "| jobs due by the instant still waiting when the run stopped following (after $(( $(date +%s) - deadline_epoch )) s) / failed jobs / incidents | $(psql_app -c \
    "select count(*) from act_ru_job where duedate_ <= '$BURST_DUE'") / $(psql_app -c \
    "select count(*) from act_ru_job where retries_ = 0") / $(psql_app -c "select count(*) from act_ru_incident") |"
  say "The poll every 5 s: $OUT/deadline.tsv."
  end_part
fi
stop_app

if has_part national; then
  begin_part "NationalBenchmark on PostgreSQL (the floor, and the opening's reference)"
  benchmark_on_database national NationalBenchmark
  end_part
fi

if has_part approval; then
  begin_part "ApprovalRowsBenchmark on PostgreSQL"
  benchmark_on_database approval ApprovalRowsBenchmark
  end_part
fi

if has_part import; then
  begin_part "UserImportBenchmark on PostgreSQL"
  benchmark UserImportBenchmark -Dbenchmark.postgres="$PG_URL" -Dbenchmark.database="${PREFIX}import" \
    -Dbenchmark.port=$((PORT + 1)) -Dbenchmark.import-lines="$IMPORT_LINES"
  end_part
fi

if has_part authorization; then
  begin_part "AuthorizationBenchmark on PostgreSQL"
  benchmark AuthorizationBenchmark -Dbenchmark.postgres="$PG_URL" -Dbenchmark.database-prefix="${PREFIX}authz" \
    -Dbenchmark.port=$((PORT + 2)) -Dbenchmark.runs="$AUTHZ_RUNS" -Dbenchmark.warm-up=3
  end_part
fi

if has_part burst; then
  begin_part "BurstBenchmark on PostgreSQL (an escalation burst over the national tree)"
  benchmark_on_database burst BurstBenchmark
  end_part
fi

say ""
say "Done $(date '+%Y-%m-%d %H:%M:%S %Z'). The load samples of the whole run: $OUT/loadavg.txt."
note "report: $REPORT"
