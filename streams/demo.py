"""`khabar demo`: the whole pipeline on the sample articles, on a local Apache Kafka.

It starts the local broker (deploy/kafka/kafka.sh) unless one is already answering,
creates the topics under the prefix `demo.`, runs a worker as a subprocess (as a user
would), publishes the samples, prints what came out, and stops what it started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from streams import topics
from streams.admin import kafka_answers
from streams.settings import load

ROOT = Path(__file__).resolve().parent.parent
KAFKA_SH = ROOT / "deploy" / "kafka" / "kafka.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _say(text: str) -> None:
    print(text, flush=True)


def _print_article(event: dict) -> None:
    article = event["article"]
    _say(f"\n══ {article['id']}  ({article['source']})")
    if article.get("title"):
        _say(f"   {article['title']}")
    if event.get("duplicate_of"):
        _say(f"   duplicate of {event['duplicate_of']}")
    _say(f"   figures: {len(event['figures'])}")
    for f in event["figures"]:
        extra = [
            f"counted={f['counted']}" if f.get("counted") else "",
            f"approx={f['approx']}" if f.get("approx") else "",
            f"unit={f['unit']}" if f.get("unit") else "",
            f"currency={f['currency']}" if f.get("currency") else "",
        ]
        _say(f"     {f['kind']:10} {f['value']!s:>12}  «{f['text']}»  {' '.join(x for x in extra if x)}")
    _say(f"   claims: {len(event['claims'])}")
    for c in event["claims"]:
        speaker = (c.get("speaker") or {}).get("text") or "?"
        cue = (c.get("cue") or {}).get("lemma") or "-"
        content = c["content"]["text"]
        if len(content) > 90:
            content = content[:87] + "..."
        flags = "".join([" [hedged]" if c.get("hedged") else "", " [negated]" if c.get("negated") else ""])
        _say(f"     {c['type']:12} {speaker} ({cue}): «{content}»{flags}")


def run_demo(samples: Path, keep_broker: bool = False) -> int:
    base = load()
    bootstrap = base.bootstrap_servers[0]
    started_broker = False
    if not kafka_answers(bootstrap):
        _say(f"starting the local Apache Kafka broker on {bootstrap} ...")
        subprocess.run(["bash", str(KAFKA_SH), "start"], check=True)
        started_broker = True
    run_id = time.strftime("%Y%m%d%H%M%S")
    env = {
        **os.environ,
        "KHABAR_TOPIC_PREFIX": "demo.",
        "KHABAR_APP_ID": f"khabar-demo-{run_id}",
        "KHABAR_DATA_DIR": tempfile.mkdtemp(prefix="khabar-demo-"),
        "KHABAR_WEB_PORT": str(free_port()),
        "KHABAR_STATS_INTERVAL": "2",
    }
    os.environ.update({k: env[k] for k in ("KHABAR_TOPIC_PREFIX", "KHABAR_APP_ID")})
    settings = load()
    worker = None
    log_path = Path(env["KHABAR_DATA_DIR"]) / "worker.log"
    try:
        from streams.admin import create_topics, delete_topics
        from streams.produce import iter_messages, produce
        from streams.tail import records

        # The demo's own topics from an earlier run go, so what is printed is this run's.
        delete_topics(settings, [settings.topic(s.name) for s in topics.SPECS])
        time.sleep(1)
        for name, state in create_topics(settings).items():
            _say(f"topic {name}: {state}")
        _say(f"starting a worker (logs: {log_path}) ...")
        with log_path.open("wb") as log:
            worker = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
            )
        expected = sum(1 for _ in iter_messages([str(samples)]))
        summary = produce(settings, [str(samples)], progress=False)
        _say(f"published {summary.sent} sample articles from {samples}")
        seen = 0
        deadline = time.monotonic() + 180
        wanted = {settings.topic(topics.ENRICHED), settings.topic(topics.DEADLETTER)}
        from kafka import KafkaConsumer

        consumer = KafkaConsumer(
            *wanted,
            bootstrap_servers=settings.bootstrap_servers,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            isolation_level="read_committed",
            consumer_timeout_ms=1000,
        )
        try:
            while seen < expected and time.monotonic() < deadline:
                if worker.poll() is not None:
                    _say(f"the worker exited with {worker.returncode}; see {log_path}")
                    return 1
                for record in consumer:
                    event = orjson.loads(record.value)
                    seen += 1
                    if record.topic == settings.topic(topics.DEADLETTER):
                        _say(f"\n✗ dead letter: {event['reason']}: {event['message']}")
                    else:
                        _print_article(event)
                    if seen >= expected:
                        break
        finally:
            consumer.close()
        claims = sum(1 for _ in records(settings, settings.topic(topics.CLAIMS), idle_timeout_s=2))
        figures = sum(1 for _ in records(settings, settings.topic(topics.FIGURES), idle_timeout_s=2))
        _say(f"\n{seen}/{expected} articles came out; {figures} figure events, {claims} claim events")
        return 0 if seen == expected else 1
    finally:
        if worker is not None and worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            _say(f"worker stopped (exit {worker.returncode})")
        if started_broker and not keep_broker:
            subprocess.run(["bash", str(KAFKA_SH), "stop"], check=False)
