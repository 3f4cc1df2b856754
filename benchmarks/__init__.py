"""Reproducible throughput and latency runs (see the README, "Benchmarks").

    python -m benchmarks.corpus      a seeded corpus of realistic Arabic articles
    python -m benchmarks.processors  the processors on one core, beside the camel-tools floor
    python -m benchmarks.e2e         one worker through the real local Kafka broker
    python -m benchmarks.backfill    a 20,000-article archive through Kafka
    python -m benchmarks.all         all of the above, summary in benchmarks/out/latest.md

Benchmarks measure; they never assert timings (the tests only check that the corpus is
repeatable and valid).
"""
