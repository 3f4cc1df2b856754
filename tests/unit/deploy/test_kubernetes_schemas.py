"""Every Kubernetes manifest validates against the Kubernetes API's JSON schemas, in
strict mode (unknown fields are errors), for the oldest and newest Kubernetes we
support. kubernetes-validate bundles the schemas: nothing is fetched."""

from __future__ import annotations

import kubernetes_validate
import pytest

from tests.unit.deploy.fixtures import KUBERNETES, kubernetes_resources, kustomization

VERSIONS = ("1.29.0", kubernetes_validate.latest_version())


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", sorted(kubernetes_resources()))
def test_manifest_matches_the_kubernetes_schema(name, version):
    kubernetes_validate.validate(kubernetes_resources()[name], version, strict=True)


def test_the_validator_rejects_an_unknown_field():
    # The check above is only worth something if strict mode bites.
    deployment = {**kubernetes_resources()["deployment.yaml"], "spek": {}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, VERSIONS[-1], strict=True)


def test_kustomization_lists_every_manifest():
    on_disk = {p.name for p in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization()["resources"]) == on_disk


def test_manifests_name_no_namespace():
    for name, resource in kubernetes_resources().items():
        assert "namespace" not in resource["metadata"], name
