#!/usr/bin/env bash
# End-to-end browser test: starts the application the README's way (mvn spring-boot:run, demo profile, fresh
# database) and runs e2e/cascade.test.mjs, then e2e/dashboard.test.mjs (which reads the campaigns the first one
# leaves), then e2e/webapp-words.test.mjs (the webapps' words and dates), e2e/office.test.mjs (the office
# page), e2e/registers.test.mjs (the document registers), e2e/forms.test.mjs (the task forms; it issues the
# demo campaign's guidance), e2e/reorganisation.test.mjs (the 2025 transition applied to the demo campaign) and
# e2e/tree-2026.test.mjs (a new unit tree applied, so it runs last), against it in Debian's headless Chromium. From the repository root:
#   bash e2e/run.sh
# Screenshots go to target/e2e-screenshots/, the application's log to target/e2e-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."

# Ports of their own, so two checkouts on one machine can run it at once: E2E_PORT=18097 E2E_MAIL_PORT=13097.
PORT=${E2E_PORT:-18095}
MAIL_PORT=${E2E_MAIL_PORT:-13095}
APP_LOG=target/e2e-app.log
START_TIMEOUT=240

# Chromium for the browser; poppler-utils to read the issued PDFs and render their pages as a PDF reader does.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm > /dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium poppler-utils
fi

(cd e2e && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "Port $PORT is already in use: stop whatever listens there first." >&2
  exit 1
fi

rm -rf target/e2e-data target/e2e-screenshots
mkdir -p target/e2e-screenshots

# The README's first command, with its own port, mail port and database (the default's H2 settings kept: the
# database is closed by Spring, not by the JVM's hook). In a session of its own, so stopping it stops Maven's
# forked application too.
setsid mvn -B spring-boot:run -Dspring-boot.run.profiles=demo \
  "-Dspring-boot.run.arguments=--server.port=$PORT --spring.mail.port=$MAIL_PORT --spring.datasource.url=jdbc:h2:file:./target/e2e-data/db;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000" \
  > "$APP_LOG" 2>&1 &
APP_PID=$!
STARTED=$SECONDS

stop_app() {
  kill -- -"$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}
trap stop_app EXIT

echo "Waiting for the application on port $PORT (log: $APP_LOG)…"
deadline=$((SECONDS + START_TIMEOUT))
until curl -sf -o /dev/null -u demo:demo "http://localhost:$PORT/api/units"; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "The application stopped during start-up:" >&2
    tail -n 50 "$APP_LOG" >&2
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "The application did not answer within $START_TIMEOUT s:" >&2
    tail -n 50 "$APP_LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "Application up after $((SECONDS - STARTED)) s."

# One after the other (node would run two files at once); each runs even if one before it failed.
status=0
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/cascade.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/dashboard.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/webapp-words.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/office.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/registers.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/forms.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/reorganisation.test.mjs || status=$?
BASE_URL="http://localhost:$PORT" node --test --test-reporter=spec e2e/tree-2026.test.mjs || status=$?
exit $status
