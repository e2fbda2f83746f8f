#!/usr/bin/env bash
# Creates Tenure's topics (deploy/topics.txt) for the dev ("") and test
# ("test.") environments on the broker given as $1. Used by the kafka-init
# service of docker-compose.yml; ./tenure does the same in deploy/scripts/kafka.sh.
set -euo pipefail
bootstrap="${1:?usage: create-topics.sh <bootstrap-server> [topics-file]}"
topics_file="${2:-/tenure/topics.txt}"
kafka_topics="${KAFKA_TOPICS_CMD:-/opt/kafka/bin/kafka-topics.sh}"
for prefix in "" "test."; do
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$topics_file" | while read -r base; do
    "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists \
      --topic "$prefix$base" --partitions 3 --replication-factor 1
  done
done
