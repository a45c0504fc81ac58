#!/bin/sh
# Prepares the packaged application for a short start (docs/operations.md, "Start-up time"): the jar unpacked into a
# directory (classes read from plain jars, not from jars nested in one), and a class data sharing archive of the
# classes a start loads, written by a training run. The Docker image is built this way; docker/run-cluster.sh and
# the national benchmark start the application the same way.
#   sh docker/class-data.sh target/review-cascade-0.1.0-SNAPSHOT.jar /opt/review-cascade
# then start it with
#   java -XX:SharedArchiveFile=/opt/review-cascade/review-cascade.jsa -jar /opt/review-cascade/review-cascade.jar …
# The training run starts the application on an in-memory H2 database with a throwaway administrator password and
# signing key, and stops as soon as its context is ready (Spring's -Dspring.context.exit=onRefresh): nothing of it
# is kept but the archive. The archive fits this jar and this JVM only: make it again when either changes (a JVM
# given an archive that does not fit says so in one line and starts without it). The paths above must stay where
# they were trained: the archive records them.
set -eu

jar=$1
directory=$2
name=review-cascade.jar
mkdir -p "$directory"
directory=$(cd "$directory" && pwd)
java -Djarmode=tools -jar "$jar" extract --force --destination "$directory" --application-filename "$name" > /dev/null

training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# Random, used once and thrown away: a password of the policy's four kinds of character, a key nobody will see.
secret="Ht-7$(head -c 18 /dev/urandom | base64 | tr '/+' '_-')"
keytool -genkeypair -storetype PKCS12 -keystore "$training/signing.p12" -storepass "$secret" -alias signing \
  -keyalg RSA -keysize 2048 -validity 1 -dname "CN=training" > /dev/null 2>&1
rm -f "$directory/review-cascade.jsa"
# The archive is a layer over the JVM's own (lib/server/classes.jsa); a JVM shipped without one makes it first.
if ! java -Xshare:on -version > /dev/null 2>&1; then
  java -Xshare:dump > /dev/null
fi
# A fixed heap below 32 GB, so the archive keeps compressed references whatever the machine it is built on: a JVM
# started with a heap of that kind (every heap under 32 GB) can use it.
if ! ADMIN_USER=training ADMIN_PASSWORD="$secret" \
  REVIEW_CASCADE_SIGNING_KEYSTORE="$training/signing.p12" REVIEW_CASCADE_SIGNING_PASSWORD="$secret" \
  java -Xmx1g -XX:ArchiveClassesAtExit="$directory/review-cascade.jsa" -Dspring.context.exit=onRefresh \
    -jar "$directory/$name" --spring.profiles.active=default \
    --spring.datasource.url="jdbc:h2:mem:training;DB_CLOSE_DELAY=-1" --spring.datasource.username=sa \
    --spring.datasource.password= --server.port=0 --camunda.bpm.job-execution.enabled=false \
    > "$training/training.log" 2>&1 || [ ! -s "$directory/review-cascade.jsa" ]; then
  echo "The training run failed; its log:" >&2
  grep -v '^\[.*\]\[.*cds' "$training/training.log" | tail -n 40 >&2
  exit 1
fi
echo "Unpacked into $directory; class data archive $directory/review-cascade.jsa ($(du -m "$directory/review-cascade.jsa" | cut -f1) MB)"
