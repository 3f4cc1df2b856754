"""The `khabar` command. Each command is a thin wrapper over a library function.

typer (on click) gives us typed options, help pages and shell completion for free.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from streams.settings import SETTINGS, SettingsError, load

cli = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="khabar: streaming enrichment of Arabic news (figures and attributed claims) on Kafka.",
)
topics_cli = typer.Typer(no_args_is_help=True, help="Manage khabar's Kafka topics.")
cli.add_typer(topics_cli, name="topics")


def _settings():
    try:
        return load()
    except SettingsError as exc:
        typer.echo(f"khabar: configuration error: {exc}", err=True)
        raise typer.Exit(2) from None


@cli.command()
def worker() -> None:
    """Run the enrich agent (faust worker) until SIGTERM or Ctrl-C."""
    settings = _settings()
    from streams.app import create_app
    from streams.faust_ext.worker import Worker
    from streams.logs import logging_config

    app = create_app(settings)
    Worker(
        app,
        shutdown_timeout=settings.shutdown_timeout,
        loglevel=settings.log_level,
        quiet=True,
        redirect_stdouts=False,
        logging_config=logging_config(settings.log_level, settings.worker_id),
    ).execute_from_commandline()


@topics_cli.command("create")
def topics_create() -> None:
    """Create every khabar topic that does not exist yet (idempotent)."""
    settings = _settings()
    from streams.admin import create_topics

    for name, state in create_topics(settings).items():
        typer.echo(f"{state:8} {name}")


@cli.command()
def produce(
    paths: List[str] = typer.Argument(..., help="JSON-lines files, JSON files, directories, or - for stdin"),
    topic: Optional[str] = typer.Option(None, help="topic to publish to (default: the raw topic)"),
    progress: bool = typer.Option(True, help="show a progress bar on stderr"),
) -> None:
    """Publish raw articles to Kafka with kafka-python."""
    settings = _settings()
    from streams.produce import produce as run

    try:
        summary = run(settings, paths, progress=progress, topic=topic)
    except FileNotFoundError as exc:
        typer.echo(f"khabar produce: {exc}", err=True)
        raise typer.Exit(2) from None
    rate = summary.sent / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"sent {summary.sent} articles ({summary.bytes / 1024:.1f} KiB) in {summary.seconds:.2f}s"
        f" ({rate:.0f}/s), {summary.failed} failed",
        err=True,
    )
    if summary.failed:
        raise typer.Exit(1)


@cli.command()
def tail(
    topic: str = typer.Argument(..., help="raw, enriched, claims, figures, deadletter, or a topic name"),
    from_beginning: bool = typer.Option(True, "--from-beginning/--latest"),
    max_records: Optional[int] = typer.Option(None, "--max", help="stop after this many events"),
    idle_timeout: Optional[float] = typer.Option(None, help="stop after this many seconds without events"),
    pretty: bool = typer.Option(False, help="indent the JSON"),
) -> None:
    """Print a topic's events as JSON lines, Arabic readable."""
    settings = _settings()
    from streams.tail import tail as run

    run(settings, topic, from_beginning, idle_timeout, max_records, pretty)


@cli.command()
def enrich(
    files: List[str] = typer.Argument(None, help="JSON-lines or JSON files, directories; none or - for stdin"),
) -> None:
    """Enrich raw articles offline (no Kafka): JSON lines in, enriched JSON lines out.

    A line that is not a valid article writes a dead-letter JSON line (reason + original
    line) to stderr, and processing goes on. The exit code is 0 when every line was
    enriched, 1 when some were dead-lettered.
    """
    settings = _settings()
    from streams.offline import enrich_sources
    from streams.sources import iter_sources

    try:
        dead = enrich_sources(iter_sources(files or ["-"]), sys.stdout, sys.stderr, settings)
    except FileNotFoundError as exc:
        typer.echo(f"khabar enrich: {exc}", err=True)
        raise typer.Exit(2) from None
    if dead:
        raise typer.Exit(1)


@cli.command()
def health(timeout: float = typer.Option(3.0, help="seconds to wait for an answer")) -> None:
    """Exit 0 when the local worker's health endpoint answers (for healthchecks)."""
    settings = _settings()
    import urllib.request

    host = "127.0.0.1" if settings.web_host in ("0.0.0.0", "::") else settings.web_host
    try:
        with urllib.request.urlopen(f"http://{host}:{settings.web_port}/health", timeout=timeout) as r:
            ok = r.status == 200
    except OSError as exc:
        typer.echo(f"unhealthy: {exc}", err=True)
        raise typer.Exit(1) from None
    if not ok:
        raise typer.Exit(1)
    typer.echo("healthy")


@cli.command()
def demo(
    samples: Path = typer.Option(Path("samples"), help="directory of sample articles"),
    keep_broker: bool = typer.Option(False, help="leave the local broker running afterwards"),
) -> None:
    """Run the whole pipeline on the sample articles against a local Kafka broker."""
    from streams.demo import run_demo

    raise typer.Exit(run_demo(samples, keep_broker))


@cli.command("settings")
def show_settings() -> None:
    """List the environment variables khabar reads, their defaults and current values."""
    settings = _settings()
    for setting, value in zip(SETTINGS, settings.__class__.__slots__):
        typer.echo(f"{setting.name}={getattr(settings, value)!s}    # {setting.help} (default {setting.default!r})")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
