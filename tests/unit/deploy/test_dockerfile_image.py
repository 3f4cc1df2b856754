"""The worker image's own rules, beyond what a linter knows: a pinned slim base,
dependencies from the constraints in a builder stage, only the virtualenv in the final
stage, a non-root user, `khabar` as the entrypoint with a health check and SIGTERM, and
a build context that holds everything the Dockerfile copies."""

from __future__ import annotations

import fnmatch

from tests.unit.deploy.dockerfile import Stage, stages
from tests.unit.deploy.fixtures import DOCKERFILE, DOCKERIGNORE, ROOT

BUILD_TOOLS = ("gcc", "g++", "make", "build-essential", "cmake", "cargo", "rustc", "python3-dev")


def builder() -> Stage:
    return stages(DOCKERFILE)[0]


def final() -> Stage:
    return stages(DOCKERFILE)[-1]


def test_base_is_a_pinned_slim_python_3_11():
    for stage in stages(DOCKERFILE):
        image, _, tag = stage.base.partition(":")
        assert image == "python", stage.base
        assert tag.startswith("3.11") and "slim" in tag and tag != "latest", stage.base
    # Both stages on one base: the copied virtualenv links to the same interpreter.
    assert builder().base == final().base


def test_dependencies_are_installed_from_the_constraints_in_the_builder():
    runs = " ".join(r.args for r in builder().all("RUN"))
    assert "KHABAR_COMPILE=1 pip install --no-cache-dir --no-build-isolation -c constraints.txt ." in runs
    # The CPU-only torch wheel, before camel-tools could pull the CUDA build.
    assert runs.index("download.pytorch.org/whl/cpu") < runs.index("-c constraints.txt")


def test_the_builder_compiles_the_processors_and_checks_they_run_compiled():
    runs = " ".join(r.args for r in builder().all("RUN"))
    # A compiler and mypyc in the builder, before the compiled install...
    assert runs.index("apt-get install") < runs.index("KHABAR_COMPILE=1") and "gcc" in runs.split()
    assert runs.index(" mypy") < runs.index("KHABAR_COMPILE=1")
    # ...mypy gone before the virtualenv is copied, and the build fails unless the
    # installed package (imported from outside the source tree) runs the extensions.
    assert runs.index("pip uninstall -y mypy") > runs.index("KHABAR_COMPILE=1")
    assert "python -P -c" in runs and "processors.COMPILED" in runs and "ExtensionFileLoader" in runs
    assert "setup.py" in " ".join(c.args for c in builder().all("COPY")).split()


def test_final_stage_copies_only_the_virtualenv_and_samples():
    copies = [c.args for c in final().all("COPY")]
    assert copies == ["--from=builder /opt/venv /opt/venv", "samples/ /app/samples/"]
    runs = " ".join(r.args for r in final().all("RUN"))
    assert "pip install" not in runs and "apt-get install" not in runs
    assert not [t for t in BUILD_TOOLS if t in runs.split()]


def test_final_stage_runs_as_a_numeric_non_root_user():
    user = final().last("USER")
    assert user is not None
    uid = user.args.split(":")[0]
    assert uid.isdigit() and uid != "0"
    assert final().last("WORKDIR").args == "/app"


def test_entrypoint_is_khabar_and_the_default_is_the_worker():
    assert final().last("ENTRYPOINT").exec_form() == ["khabar"]
    assert final().last("CMD").exec_form() == ["worker"]
    assert final().last("STOPSIGNAL").args == "SIGTERM"


def test_health_check_asks_khabar():
    healthcheck = final().last("HEALTHCHECK")
    assert healthcheck is not None and healthcheck.exec_form() == ["khabar", "health"]


def test_health_endpoint_listens_beyond_loopback():
    env = " ".join(e.args for e in final().all("ENV"))
    assert "KHABAR_WEB_HOST=0.0.0.0" in env.split()
    assert final().last("EXPOSE").args == "6066"


def excluded(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics, enough for top-level paths: the last match wins."""
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/"):
            result = not negate
    return result


def test_build_context_holds_what_the_dockerfile_copies():
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for stage in stages(DOCKERFILE):
        for copy in stage.all("COPY"):
            words = [w for w in copy.args.split() if not w.startswith("--")]
            if copy.args.startswith("--from="):
                continue
            for source in words[:-1]:
                path = source.rstrip("/")
                assert (ROOT / path).exists(), f"COPY {source}: not in the repository"
                assert not excluded(path, patterns), f"COPY {source}: excluded by .dockerignore"
    # And the weight stays out.
    for heavy in (".venv", ".git", "deploy", "tests", "benchmarks"):
        assert excluded(heavy, patterns), heavy
