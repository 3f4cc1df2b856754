# The khabar worker image: `docker build -t khabar:0.1.0 .`
#
# One image for every khabar command (worker, topics create, produce, tail, health):
# the entrypoint is the `khabar` console script, the default command runs the worker.
# Two stages: the builder resolves and installs the dependencies into a virtualenv;
# the final stage copies only that virtualenv onto a clean base, so no pip cache, no
# wheel builds, no compiler and no source tree are left in the image. Every compiled
# dependency (camel-kenlm, orjson, numpy, torch...) ships manylinux wheels for CPython
# 3.11; the one thing compiled here is khabar's own processors/ (mypyc, setup.py), so
# the builder alone has gcc and mypy.

# Both stages must share the exact interpreter: the virtualenv's python links to it.
# Pin the Debian release as well as the Python minor, so a rebuild does not silently
# move to a new distribution (pin a digest, python:3.11-slim-bookworm@sha256:..., for
# bit-for-bit rebuilds in a release pipeline).
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

# camel-tools hard-requires torch. From PyPI, torch for Linux x86_64 pulls the CUDA
# runtime (several GB of nvidia-* wheels) that a CPU-only news worker never touches.
# Installing the CPU-only wheel from the PyTorch index first satisfies camel-tools'
# `torch>=2.0` requirement, so the next step keeps it and the image stays around 1 GB
# instead of 6+. Its own layer: it is the biggest download and changes least often.
# Override with --build-arg TORCH_VERSION=... when camel-tools moves on.
ARG TORCH_VERSION=2.15.0
RUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu "torch==${TORCH_VERSION}"

# The rest is resolved with the project's constraints (the same pins as a developer's
# install: faust-streaming and transformers disagree about click, see constraints.txt).
# A regular (not editable) install: the package and its data files (lexicons, schemas)
# land in site-packages, and the source tree stays behind in this stage.
# processors/ compiled to C extensions by mypyc (KHABAR_COMPILE=1, setup.py): about
# 1.5x the interpreted speed, same findings. mypy (which holds mypyc) is build-only: it
# is removed before the virtualenv is copied. The check (-P: not from the source tree in
# the working directory, the installed package) fails the build unless the extensions are
# recorded fresh and the entry point's module is one of them, loaded.
WORKDIR /src
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml setup.py constraints.txt README.md ./
COPY processors/ processors/
COPY streams/ streams/
COPY schemas/ schemas/
RUN pip install --no-cache-dir -c constraints.txt "setuptools>=69" wheel mypy \
    && KHABAR_COMPILE=1 pip install --no-cache-dir --no-build-isolation -c constraints.txt . \
    && pip uninstall -y mypy \
    && pip check \
    && python -P -c "import sys, importlib.machinery as m, processors, processors.enrich as e; \
sys.exit(0 if processors.COMPILED and isinstance(e.__loader__, m.ExtensionFileLoader) else processors.WHY)"


FROM ${PYTHON_IMAGE}

LABEL org.opencontainers.image.title="khabar" \
      org.opencontainers.image.description="Streaming enrichment of Arabic news over Apache Kafka: figures and attributed claims" \
      org.opencontainers.image.licenses="Apache-2.0"

# A fixed numeric uid/gid: Kubernetes' runAsNonRoot can only verify a numeric USER,
# and deploy/kubernetes/deployment.yaml runs as the same 10001.
RUN groupadd --system --gid 10001 khabar \
    && useradd --system --uid 10001 --gid khabar --home-dir /app --shell /usr/sbin/nologin khabar \
    && mkdir -p /var/lib/khabar \
    && chown khabar:khabar /var/lib/khabar

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# The bundled sample articles: `khabar produce /app/samples` (the compose "demo" profile).
COPY samples/ /app/samples/

# Logs are the monitoring interface: unbuffered, so each JSON line reaches the
# container runtime when it is written, not when a buffer fills. No .pyc writes: in
# Kubernetes the root filesystem is read-only.
# KHABAR_WEB_HOST=0.0.0.0: the health endpoint must be reachable from outside the
# container (the orchestrator's probes); the default 127.0.0.1 is for a laptop.
# KHABAR_DATA_DIR: faust's local state, writable by the khabar user (an emptyDir in
# Kubernetes). Everything else: see streams/settings.py and docker-compose.yml.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    KHABAR_WEB_HOST=0.0.0.0 \
    KHABAR_WEB_PORT=6066 \
    KHABAR_DATA_DIR=/var/lib/khabar

USER 10001:10001

EXPOSE 6066

# faust handles SIGTERM (even as PID 1): it finishes the in-flight batch, commits and
# exits 0. Give it the time: docker stop -t 30, stop_grace_period in compose,
# terminationGracePeriodSeconds in Kubernetes.
STOPSIGNAL SIGTERM

# `khabar health` exits 0 when the worker's /health endpoint answers 200. The start
# period covers importing camel-tools and joining the consumer group.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["khabar", "health"]

ENTRYPOINT ["khabar"]
CMD ["worker"]
