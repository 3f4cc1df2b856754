"""The image compose builds and the image Kubernetes runs carry the project's version."""

from __future__ import annotations

import tomllib

from tests.unit.deploy.fixtures import ROOT, kustomization, service


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_compose_image_tag_is_the_project_version():
    assert service("worker")["image"] == f"khabar:{project_version()}"


def test_kubernetes_image_tag_is_the_project_version():
    assert kustomization()["images"] == [{"name": "khabar", "newTag": project_version()}]
