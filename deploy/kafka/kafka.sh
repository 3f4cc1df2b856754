#!/usr/bin/env bash
# The local Apache Kafka broker for development and tests: one node, KRaft, 127.0.0.1.
#
#   deploy/kafka/kafka.sh start    fetch the jars once, format storage once, start, wait
#   deploy/kafka/kafka.sh stop     stop the broker this script started; no process left
#   deploy/kafka/kafka.sh status   exit 0 when the broker answers, 3 when it does not
#   deploy/kafka/kafka.sh reset    stop and delete the data directory
#
# Environment (all optional):
#   KHABAR_KAFKA_PORT        broker port on 127.0.0.1          (default 19092)
#   KHABAR_KAFKA_CTRL_PORT   KRaft controller port             (default 19093)
#   KHABAR_KAFKA_HOME        where data, logs and the pid live (default deploy/kafka/.run)
#   KHABAR_KAFKA_LIBS        where the broker jars are cached  (default deploy/kafka/.cache/libs)
#   KHABAR_KAFKA_HEAP        JVM heap options                  (default "-Xms256m -Xmx1g")
#   KHABAR_KAFKA_START_TIMEOUT  seconds to wait for the broker (default 120)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
port=${KHABAR_KAFKA_PORT:-19092}
ctrl_port=${KHABAR_KAFKA_CTRL_PORT:-19093}
home=${KHABAR_KAFKA_HOME:-$here/.run}
libs=${KHABAR_KAFKA_LIBS:-$here/.cache/libs}
heap=${KHABAR_KAFKA_HEAP:--Xms256m -Xmx1g}
start_timeout=${KHABAR_KAFKA_START_TIMEOUT:-120}
pidfile=$home/kafka.pid
config=$home/server.properties
bootstrap=127.0.0.1:$port

say() { printf 'kafka.sh: %s\n' "$*" >&2; }

# The jars are resolved by Maven from deploy/kafka/pom.xml (versions pinned there) and
# copied once; a marker naming the pom's checksum makes a changed pom fetch again.
fetch_jars() {
  local stamp
  stamp=$(sha256sum "$here/pom.xml" | cut -c1-16)
  if [[ -f $libs/.complete && $(cat "$libs/.complete") == "$stamp" ]]; then
    return
  fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch the broker jars"; exit 1; }
  command -v java >/dev/null || { say "Java 17+ is needed to run the broker"; exit 1; }
  say "fetching Apache Kafka jars with Maven into $libs (once)"
  rm -rf "$libs"
  mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" package -Dkafka.libs="$libs" >&2
  echo "$stamp" >"$libs/.complete"
}

write_config() {
  mkdir -p "$home/data" "$home/logs"
  sed -e "s#@PORT@#$port#g" -e "s#@CTRL_PORT@#$ctrl_port#g" -e "s#@DATA@#$home/data#g" \
    "$here/server.properties" >"$config"
}

java_cp() {
  java $heap -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -Dkafka.logs.dir="$home/logs" -cp "$libs/*" "$@"
}

running_pid() {
  [[ -f $pidfile ]] || return 1
  local pid
  pid=$(cat "$pidfile")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && grep -q 'kafka.Kafka' "/proc/$pid/cmdline" 2>/dev/null \
    && { echo "$pid"; return 0; }
  return 1
}

# "Answers" means a client gets the broker's API versions back, not that a port is open.
answers() {
  java_cp org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$bootstrap" \
    >/dev/null 2>&1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  fetch_jars
  if pid=$(running_pid); then
    if answers; then say "already running (pid $pid) on $bootstrap"; return 0; fi
  elif port_in_use "$port"; then
    say "port $port is taken by a process this script did not start; set KHABAR_KAFKA_PORT"
    exit 1
  else
    write_config
    # Format once: the storage keeps its cluster id across restarts.
    if [[ ! -f $home/data/meta.properties ]]; then
      local cluster_id
      cluster_id=$(java_cp kafka.tools.StorageTool random-uuid | tail -n 1)
      java_cp kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$config" >&2
    fi
    local t0=$SECONDS
    nohup java $heap -Dlog4j2.configurationFile="$here/log4j2.properties" \
      -Dkafka.logs.dir="$home/logs" -cp "$libs/*" kafka.Kafka "$config" \
      >"$home/logs/stdout.log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$pidfile"
    say "started pid $pid, waiting for it to answer on $bootstrap"
  fi
  local deadline=$((SECONDS + start_timeout))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "broker exited; last lines of $home/logs/stdout.log:"
      tail -n 30 "$home/logs/stdout.log" >&2 || true
      rm -f "$pidfile"
      exit 1
    fi
    if ((SECONDS > deadline)); then say "no answer after ${start_timeout}s"; exit 1; fi
    sleep 0.5
  done
  say "ready on $bootstrap (pid $pid)"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pidfile"
    say "not running"
    return 0
  fi
  # SIGTERM lets the broker close its logs cleanly (no recovery on the next start).
  kill -TERM "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid ignored SIGTERM for 60s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$pidfile"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid) && answers; then
    say "running (pid $pid) on $bootstrap"
    return 0
  fi
  say "not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  reset) stop; rm -rf "$home"; say "data removed" ;;
  fetch) fetch_jars ;;
  bootstrap) echo "$bootstrap" ;;
  *) echo "usage: $0 {start|stop|status|restart|reset|fetch|bootstrap}" >&2; exit 2 ;;
esac
