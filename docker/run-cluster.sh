#!/usr/bin/env bash
# The configuration of docker/compose.yaml without Docker: two application nodes on one local PostgreSQL
# database and one SMTP server (GreenMail, from Maven Central). Ctrl-C stops everything.
#   ADMIN_PASSWORD='…' [SIGNING_KEYSTORE=organisation.p12 SIGNING_PASSWORD='…'] bash docker/run-cluster.sh
# Without SIGNING_KEYSTORE, a self-signed key for trying it out is made with keytool under target/cluster/ (its
# documents are signed, but by a certificate nobody else trusts).
# Node A: http://localhost:8081, node B: http://localhost:8082; the SMTP server's API: http://localhost:8025.
# With nginx installed, docker/nginx.conf can front both nodes the same way as in compose.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD (12+ characters, three of: lower, upper, digit, symbol)}"
DB_NAME=${DB_NAME:-review_cascade}
DB_USER=${DB_USER:-postgres}
export DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/$DB_NAME} DB_USER DB_PASSWORD=${DB_PASSWORD:-}
export ADMIN_PASSWORD MAIL_HOST=127.0.0.1 MAIL_PORT=3025
mkdir -p target/cluster
if [ -z "${SIGNING_KEYSTORE:-}" ]; then
  SIGNING_KEYSTORE=target/cluster/signing.p12
  if [ ! -f "$SIGNING_KEYSTORE" ]; then
    head -c 18 /dev/urandom | base64 > target/cluster/signing.password
    keytool -genkeypair -storetype PKCS12 -keystore "$SIGNING_KEYSTORE" -alias signing -keyalg RSA -keysize 3072 \
      -validity 1095 -dname "CN=Văn phòng Tỉnh ủy (khóa thử), O=Đảng Cộng sản Việt Nam, C=VN" \
      -storepass "$(cat target/cluster/signing.password)"
    echo "Made a self-signed test key: $SIGNING_KEYSTORE"
  fi
  SIGNING_PASSWORD=$(cat target/cluster/signing.password)
fi
: "${SIGNING_PASSWORD:?set SIGNING_PASSWORD (the password of SIGNING_KEYSTORE)}"
export REVIEW_CASCADE_SIGNING_KEYSTORE=$SIGNING_KEYSTORE REVIEW_CASCADE_SIGNING_PASSWORD=$SIGNING_PASSWORD

if ! psql -h 127.0.0.1 -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
  psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qc "create database $DB_NAME"
fi
ls target/review-cascade-*.jar > /dev/null 2>&1 || mvn -B -q -DskipTests package
JAR=$(ls target/review-cascade-*.jar | grep -v original | head -1)
# As the image runs it: unpacked, with a class data archive, made again when the jar is newer.
APP=$(pwd)/target/cluster/app
[ "$APP/review-cascade.jsa" -nt "$JAR" ] || sh docker/class-data.sh "$JAR" "$APP"
[ -f target/cluster/greenmail-standalone-2.1.5.jar ] || mvn -B -q dependency:copy \
  -Dartifact=com.icegreen:greenmail-standalone:2.1.5 -DoutputDirectory=target/cluster

pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT
java -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
  -jar target/cluster/greenmail-standalone-2.1.5.jar > target/cluster/smtp.log 2>&1 &
pids+=($!)

start_node() {
  java -XX:SharedArchiveFile="$APP/review-cascade.jsa" -jar "$APP/review-cascade.jar" --spring.profiles.active=postgres \
    --server.port="$2" \
    --camunda.bpm.generic-properties.properties.hostname="$1" > "target/cluster/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS "http://localhost:$2/actuator/health/readiness" > /dev/null 2>&1 && { echo "$1 ready on port $2"; return; }
    sleep 1
  done
  echo "$1 did not start; see target/cluster/$1.log" >&2
  exit 1
}
# One node first: it creates or upgrades the schema; the second joins.
start_node node-a 8081
start_node node-b 8082
wait
