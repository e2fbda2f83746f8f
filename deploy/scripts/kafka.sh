# shellcheck shell=bash
# Kafka for Tenure: a single KRaft node (broker + controller in one JVM) whose
# jars come from Maven Central through deploy/kafka/pom.xml, so that no
# release tarball download is needed.

KAFKA_POM="$TENURE_ROOT/deploy/kafka/pom.xml"
# The pom is the one place the version is pinned.
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")"
KAFKA_HOME="$TENURE_TOOLS/kafka-$KAFKA_VERSION"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_PORT="${TENURE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${TENURE_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DIR="$TENURE_INFRA/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_LOG="$KAFKA_DIR/kafka.log"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_TOPICS_FILE="$TENURE_ROOT/deploy/topics.txt"
KAFKA_PARTITIONS=3

kafka_external() { [[ -n "${KAFKA_BROKERS:-}" ]]; }
kafka_bootstrap() {
  if kafka_external; then printf '%s' "$KAFKA_BROKERS"; else printf '127.0.0.1:%s' "$KAFKA_PORT"; fi
}

# Base topic names, comments and blank lines stripped.
kafka_topic_names() { sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$KAFKA_TOPICS_FILE"; }

kafka_install_java() {
  have java && return 0
  apt_install openjdk-17-jre-headless || die "could not install Java"
}

# Resolve the broker's classpath once; `.complete` marks a finished copy so an
# interrupted download is redone rather than half-used.
kafka_install() {
  kafka_install_java
  [[ -f "$KAFKA_HOME/.complete" ]] && return 0
  have mvn || apt_install maven || die "could not install Maven"
  log "Kafka: fetching kafka_2.13 $KAFKA_VERSION and its dependencies from Maven Central"
  rm -rf "$KAFKA_HOME"
  mkdir -p "$KAFKA_LIBS"
  if ! mvn -B -q -f "$KAFKA_POM" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" >"$KAFKA_HOME/mvn.log" 2>&1; then
    show_log_tail "$KAFKA_HOME/mvn.log"
    die "Maven could not resolve Kafka $KAFKA_VERSION"
  fi
  touch "$KAFKA_HOME/.complete"
}

# Short-lived admin JVMs: small heap and C1 only, they run for a second or two.
kafka_tool() {
  local class="$1"; shift
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
    -Dlog4j2.configurationFile="$TENURE_ROOT/deploy/kafka/log4j2-tools.properties" \
    -cp "$KAFKA_LIBS/*" "$class" "$@"
}

kafka_topics() { kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$(kafka_bootstrap)" "$@"; }

kafka_write_config() {
  mkdir -p "$KAFKA_DIR" "$KAFKA_DATA"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@DATA_DIR@|$KAFKA_DATA|g" \
      "$TENURE_ROOT/deploy/kafka/server.properties" >"$KAFKA_CONFIG"
}

# Storage is formatted exactly once; its cluster id is kept beside it.
kafka_format() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local id
  id="$(kafka_tool kafka.tools.StorageTool random-uuid)" || die "Kafka: could not generate a cluster id"
  printf '%s\n' "$id" >"$KAFKA_DIR/cluster.id"
  log "Kafka: formatting storage (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONFIG" >>"$KAFKA_LOG" 2>&1 \
    || { show_log_tail "$KAFKA_LOG"; die "Kafka: formatting storage failed"; }
}

kafka_pid() { pidfile_alive "$KAFKA_PID" "$KAFKA_CONFIG"; }

# The port opens once the broker is serving; only then is a (slow to start)
# admin JVM worth running to prove it answers metadata requests.
kafka_ready() { port_open 127.0.0.1 "$KAFKA_PORT" && kafka_healthy; }

kafka_healthy() { kafka_topics --list >/dev/null 2>&1; }

kafka_start() {
  if port_open 127.0.0.1 "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is in use by another process (pids: $(port_listener_pids "$KAFKA_PORT" | tr '\n' ' '))." \
      "Stop it, set TENURE_KAFKA_PORT, or set KAFKA_BROKERS to use that broker."
  fi
  log "Kafka $KAFKA_VERSION: starting on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)"
  start_detached "$KAFKA_LOG" "$KAFKA_PID" \
    java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.dir="$KAFKA_DIR" \
    -Dlog4j2.configurationFile="$TENURE_ROOT/deploy/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG"
  await_healthy Kafka 90 "$KAFKA_LOG" kafka_pid kafka_ready || die "Kafka did not start"
  TENURE_STARTED_INFRA+=(kafka)
  ok "Kafka up (pid $(kafka_pid))"
}

# Creates the topics of every environment that are missing: one listing,
# then one create per missing topic.
kafka_ensure_topics() {
  local existing missing=() prefix base topic
  existing="$(kafka_topics --list 2>/dev/null)" || die "Kafka: cannot list topics on $(kafka_bootstrap)"
  for prefix in "" "$TEST_TOPIC_PREFIX"; do
    while read -r base; do
      topic="$prefix$base"
      grep -qxF -- "$topic" <<<"$existing" || missing+=("$topic")
    done < <(kafka_topic_names)
  done
  for topic in "${missing[@]}"; do
    kafka_topics --create --if-not-exists --topic "$topic" \
      --partitions "$KAFKA_PARTITIONS" --replication-factor 1 >/dev/null \
      || die "Kafka: could not create topic $topic"
    info "created topic $topic"
  done
}

kafka_up() {
  kafka_install
  if kafka_external; then
    log "Kafka: using KAFKA_BROKERS=$KAFKA_BROKERS (not starting a local broker)"
  else
    kafka_write_config
    kafka_format
    if kafka_pid >/dev/null && kafka_healthy; then
      ok "Kafka already running (pid $(kafka_pid), port $KAFKA_PORT)"
    else
      kafka_pid >/dev/null && die "Kafka (pid $(kafka_pid)) is running but does not answer; see $KAFKA_LOG or run ./tenure infra down"
      kafka_start
    fi
  fi
  kafka_ensure_topics
}

kafka_down() {
  kafka_external && return 0
  local pid
  pid="$(kafka_pid)" || return 0
  log "Kafka: stopping (pid $pid)"
  stop_pid "$pid" kafka 60
  rm -f "$KAFKA_PID"
}

kafka_status() {
  if kafka_external; then status_row kafka external - - "KAFKA_BROKERS"; return; fi
  local pid
  if pid="$(kafka_pid)"; then
    local health=down
    port_open 127.0.0.1 "$KAFKA_PORT" && health=ok
    status_row kafka running "$pid" "$KAFKA_PORT" "$health"
  else
    status_row kafka stopped - "$KAFKA_PORT" -
  fi
}
