"""The rendered overlays as a cluster would wire them (issue 12): names resolve, volumes can be
attached, network policies admit exactly the edges the code uses, images are the ones `make images`
builds, and the GPU overlay's TGI registers the adapters the studies ask for. No cluster runs here,
so these read the render of `kubectl kustomize` the way the scheduler, kube-proxy and the network
plugin would."""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.deploy.test_k8s import KUBECTL, OVERLAYS, ROOT, by_kind, render

pytestmark = pytest.mark.skipif(KUBECTL is None, reason="kubectl not installed (scripts/setup.sh installs it)")

NAMESPACE = "hardgen"
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "Job", "CronJob"}
CLUSTER_SCOPED = {"Namespace"}
EXTERNAL = "<outside>"
KEDA = "<keda>"

# Who talks to whom, read from the code (service_address / nats_url / backends), not from the
# policies: gateway routes (refinement, scanner, analytics gRPC for tables, report and progress,
# studies over NATS), refinement and its workers (scanner, hf/ models on modelserve,
# tgi/), analytics (NATS consumer, corpus scans), modelserve (fine-tune items on NATS, scans), the
# study Job (publishes to NATS, `--wait` asks analytics what it stored),
# KEDA (JetStream lag from the monitoring port). Scanner and analytics speak only gRPC.
EDGES = {
    (EXTERNAL, "gateway", 8080),
    ("gateway", "refinement", 50052),
    ("gateway", "scanner", 50051),
    ("gateway", "analytics", 50054),
    ("gateway", "nats", 4222),
    ("refinement", "scanner", 50051),
    ("refinement", "modelserve", 50053),
    ("refinement-worker", "nats", 4222),
    ("refinement-worker", "scanner", 50051),
    ("refinement-worker", "modelserve", 50053),
    ("analytics", "nats", 4222),
    ("analytics", "scanner", 50051),
    ("modelserve", "scanner", 50051),
    ("modelserve", "nats", 4222),
    ("hardgen-study", "nats", 4222),
    ("hardgen-study", "analytics", 50054),
    (KEDA, "nats", 8222),
}
GPU_EDGES = {("refinement", "tgi", 8080), ("refinement-worker", "tgi", 8080)}


@pytest.fixture(scope="module", params=OVERLAYS)
def rendered(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, render(request.param)


def pod_template(workload: dict[str, Any]) -> dict[str, Any]:
    spec = workload["spec"]
    if workload["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return dict(spec["template"])


def workloads(docs: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(app name, workload, pod template) for every object that runs pods."""
    for doc in docs:
        if doc["kind"] in WORKLOAD_KINDS:
            template = pod_template(doc)
            yield template["metadata"]["labels"]["app.kubernetes.io/name"], doc, template


def containers(template: dict[str, Any]) -> list[dict[str, Any]]:
    spec = template["spec"]
    return list(spec.get("initContainers", [])) + list(spec["containers"])


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """Kubernetes label-selector semantics (matchLabels and In/NotIn/Exists/DoesNotExist)."""
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expr in selector.get("matchExpressions", []):
        value, op = labels.get(expr["key"]), expr["operator"]
        if op == "In" and value not in expr["values"]:
            return False
        if op == "NotIn" and value in expr["values"]:
            return False
        if op == "Exists" and value is None:
            return False
        if op == "DoesNotExist" and value is not None:
            return False
    return True


def admitted_edges(docs: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    """(client, server, port) that the NetworkPolicies admit, for every server container port."""
    policies = list(by_kind(docs, "NetworkPolicy").values())
    pods = {name: template["metadata"]["labels"] for name, _, template in workloads(docs)}
    clients: dict[str, tuple[dict[str, str], dict[str, str]]] = {  # name → (pod labels, namespace labels)
        name: (labels, {"kubernetes.io/metadata.name": NAMESPACE}) for name, labels in pods.items()
    }
    clients[EXTERNAL] = ({}, {"kubernetes.io/metadata.name": "ingress-nginx"})
    clients[KEDA] = ({"app": "keda-operator"}, {"kubernetes.io/metadata.name": "keda"})
    edges = set()
    for server, _, template in workloads(docs):
        labels = template["metadata"]["labels"]
        ports = {p["containerPort"] for c in template["spec"]["containers"] for p in c.get("ports", [])}
        applying = [p for p in policies if selects(p["spec"]["podSelector"], labels)]
        assert applying, f"{server} has no NetworkPolicy (default deny must cover every pod)"
        for client, (pod_labels, ns_labels) in clients.items():
            for port in ports:
                if any(_rule_admits(rule, pod_labels, ns_labels, port, client in (EXTERNAL, KEDA))
                       for policy in applying for rule in policy["spec"].get("ingress", [])):  # fmt: skip
                    edges.add((client, server, port))
    return edges


def _rule_admits(rule: dict[str, Any], pod: dict[str, str], ns: dict[str, str], port: int, foreign: bool) -> bool:
    if rule.get("ports") and not any(p.get("port") == port for p in rule["ports"]):
        return False
    if "from" not in rule:
        return True
    for peer in rule["from"]:
        if "namespaceSelector" in peer:
            if selects(peer["namespaceSelector"], ns) and selects(peer.get("podSelector", {}), pod):
                return True
        elif "podSelector" in peer and not foreign and selects(peer["podSelector"], pod):
            return True  # a podSelector alone selects pods in the policy's own namespace
    return False


def test_every_object_is_in_the_hardgen_namespace(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    _, docs = rendered
    outside = [f"{d['kind']}/{d['metadata']['name']}" for d in docs
               if d["kind"] not in CLUSTER_SCOPED and d["metadata"].get("namespace") != NAMESPACE]  # fmt: skip
    assert outside == []
    assert [d["metadata"]["name"] for d in docs if d["kind"] == "Namespace"] == [NAMESPACE]


def _addresses(docs: list[dict[str, Any]]) -> set[str]:
    """Every host:port a service is configured with: the shared ConfigMap, container env and args,
    KEDA triggers, and the tgi/ model addresses of the studies baked into the images."""
    found: set[str] = set()
    config = by_kind(docs, "ConfigMap")["hardgen-config"]["data"]
    found |= {v for k, v in config.items() if k.endswith(("_ADDR", "_URL"))}
    for _, _, template in workloads(docs):
        for container in containers(template):
            values = [e.get("value", "") for e in container.get("env", [])]
            found |= {v for v in values if re.match(r"^\w+://|^[\w.-]+:\d+$", v)}
    for scaled in by_kind(docs, "ScaledObject").values():
        found |= {t["metadata"]["natsServerMonitoringEndpoint"] for t in scaled["spec"]["triggers"]
                  if "natsServerMonitoringEndpoint" in t.get("metadata", {})}  # fmt: skip
    if "tgi" in by_kind(docs, "Service"):
        for study in (ROOT / "studies").glob("*.yaml"):
            text = study.read_text()
            found |= {m.split("@")[0] for m in re.findall(r"tgi/(http://[\w.:-]+(?:@[\w-]+)?)", text)}
    return found


def _resolve(address: str) -> tuple[str, int]:
    scheme_port = {"http": 80, "https": 443, "nats": 4222, "grpc": 50051}
    match = re.match(r"^(?:(\w+)://)?([\w.-]+)(?::(\d+))?", address)
    assert match, address
    scheme, host, port = match.groups()
    name = host.removesuffix(f".{NAMESPACE}.svc.cluster.local").removesuffix(f".{NAMESPACE}.svc")
    return name, int(port) if port else scheme_port[scheme or "grpc"]


def test_every_configured_address_resolves_to_a_service_port_with_a_pod_behind_it(
    rendered: tuple[str, list[dict[str, Any]]],
) -> None:
    _, docs = rendered
    services = by_kind(docs, "Service")
    addresses = _addresses(docs)
    assert {"scanner:50051", "nats://nats:4222", "analytics:50054"} <= addresses
    for address in addresses:
        name, port = _resolve(address)
        assert name in services, f"{address}: no Service {name}"
        ports = {p["port"]: p.get("targetPort", p["port"]) for p in services[name]["spec"]["ports"]}
        assert port in ports, f"{address}: Service {name} has no port {port} ({sorted(ports)})"
        backends = [t for _, _, t in workloads(docs) if selects({"matchLabels": services[name]["spec"]["selector"]},
                                                                  t["metadata"]["labels"])]  # fmt: skip
        assert backends, f"{address}: Service {name} selects no pod"
        target = ports[port]
        exposed = {v for t in backends for c in t["spec"]["containers"] for p in c.get("ports", [])
                   for v in (p["containerPort"], p.get("name"))}  # fmt: skip
        assert target in exposed, f"{address}: no container port {target}"


def test_every_volume_claim_is_mounted_only_by_pods_that_can_share_it(
    rendered: tuple[str, list[dict[str, Any]]],
) -> None:
    overlay, docs = rendered
    claims = by_kind(docs, "PersistentVolumeClaim")
    users: dict[str, list[dict[str, Any]]] = {name: [] for name in claims}
    for _, workload, template in workloads(docs):
        for volume in template["spec"].get("volumes", []):
            claim = volume.get("persistentVolumeClaim", {}).get("claimName")
            if claim:
                assert claim in claims, f"{workload['metadata']['name']} mounts a missing claim {claim}"
                users[claim].append(workload)
    for claim, mounted_by in users.items():
        modes = set(claims[claim]["spec"]["accessModes"])
        if modes & {"ReadWriteMany", "ReadOnlyMany"}:
            continue
        names = [w["metadata"]["name"] for w in mounted_by]
        assert len(mounted_by) <= 1, f"{overlay}: RWO claim {claim} mounted by {names} (Multi-Attach on two nodes)"
        for workload in mounted_by:  # a rolling update would start a second pod beside the first
            assert workload["kind"] == "Deployment" and workload["spec"].get("replicas", 1) == 1
            assert workload["spec"].get("strategy", {}).get("type") == "Recreate", names


def test_network_policies_admit_exactly_the_edges_the_services_use(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    overlay, docs = rendered
    expected = EDGES | (GPU_EDGES if overlay == "gpu" else set())
    admitted = admitted_edges(docs)
    public = {(server, port) for client, server, port in admitted if client == EXTERNAL}
    admitted = {edge for edge in admitted if edge[0] == EXTERNAL or edge[1:] not in public}  # open to all = one edge
    assert admitted - expected == set(), "admitted but unused"
    assert expected - admitted == set(), "used but blocked"


def test_keda_reaches_the_nats_monitoring_port_it_scales_on() -> None:
    docs = render("gpu")
    endpoints = {_resolve(t["metadata"]["natsServerMonitoringEndpoint"]) for s in by_kind(docs, "ScaledObject").values()
                 for t in s["spec"]["triggers"] if t["type"] == "nats-jetstream"}  # fmt: skip
    assert endpoints == {("nats", 8222)}
    assert (KEDA, "nats", 8222) in admitted_edges(docs)


def _tgi_adapters(docs: list[dict[str, Any]]) -> dict[str, str]:
    tgi = by_kind(docs, "Deployment")["tgi"]["spec"]["template"]["spec"]["containers"][0]
    value = {e["name"]: e.get("value", "") for e in tgi["env"]}["LORA_ADAPTERS"]
    adapters = {}
    for entry in filter(None, (part.strip() for part in value.split(","))):
        assert "=" in entry, f"LORA_ADAPTERS entry {entry!r} has no name: TGI registers it under its path"
        name, path = entry.split("=", 1)
        adapters[name] = path
    return adapters


def test_tgi_registers_the_adapter_names_the_studies_request() -> None:
    docs = render("gpu")
    adapters = _tgi_adapters(docs)
    requested = {m for study in (ROOT / "studies").glob("*.yaml") for m in re.findall(r"tgi/http://tgi@([\w.-]+)",
                                                                                       study.read_text())}  # fmt: skip
    assert requested, "studies/paper.yaml asks TGI for the paper-ft adapter"
    assert requested <= set(adapters), f"requested {sorted(requested)}, registered {sorted(adapters)}"
    tgi = by_kind(docs, "Deployment")["tgi"]["spec"]["template"]["spec"]
    mounts = {m["mountPath"] for m in tgi["containers"][0]["volumeMounts"]}
    assert all(any(path.startswith(m + "/") for m in mounts) for path in adapters.values())


def test_images_are_the_ones_make_images_builds(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    overlay, docs = rendered
    built = set(subprocess.run(["bash", str(ROOT / "scripts/images.sh"), "--tags"], capture_output=True, text=True,
                               check=True, timeout=60).stdout.split())  # fmt: skip
    used = {c["image"] for _, _, t in workloads(docs) for c in containers(t) if c["image"].startswith("hardgen/")}
    assert used and used <= built, f"{overlay}: not built by make images: {sorted(used - built)}"


def test_the_study_job_reaches_nats_and_its_keys(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    _, docs = rendered
    study = by_kind(docs, "CronJob")["hardgen-study"]
    container = pod_template(study)["spec"]["containers"][0]
    config_maps = {ref["configMapRef"]["name"] for ref in container.get("envFrom", [])}
    config = {k: v for name in config_maps for k, v in by_kind(docs, "ConfigMap")[name]["data"].items()}
    assert _resolve(config["HARDGEN_NATS_URL"]) == ("nats", 4222)
    edges = admitted_edges(docs)
    assert ("hardgen-study", "nats", 4222) in edges
    # the Job never waits for a fine-tune: it publishes a work item that modelserve consumes
    assert ("hardgen-study", "modelserve", 50053) not in edges and ("modelserve", "nats", 4222) in edges
    refs = [e["valueFrom"]["secretKeyRef"] for e in container["env"] if "secretKeyRef" in e.get("valueFrom", {})]
    secrets = {ref["name"] for ref in refs}
    assert secrets == {"hardgen-api-keys"}
    assert secrets <= documented_secrets()


def documented_secrets() -> set[str]:
    """Secrets that docs/deploy.md creates in the hardgen namespace after `kubectl apply -k` made it."""
    text = (ROOT / "docs/deploy.md").read_text()
    apply_at = text.find("kubectl apply -k k8s/overlays/")
    assert apply_at >= 0
    created = re.finditer(r"kubectl -n hardgen create secret generic ([\w-]+)", text)
    return {m.group(1) for m in created if m.start() > apply_at}


def test_no_secret_is_rendered_so_reapplying_never_overwrites_keys(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    _, docs = rendered
    assert by_kind(docs, "Secret") == {}
    refs = set()
    for _, _, template in workloads(docs):
        for container in containers(template):
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    assert ref.get("optional") is True, f"{env['name']}: pods must start before the Secret exists"
                    refs.add(ref["name"])
        for volume in template["spec"].get("volumes", []):
            if "secret" in volume:
                assert volume["secret"].get("optional") is True
                refs.add(volume["secret"]["secretName"])
    assert refs <= documented_secrets(), f"undocumented secrets: {sorted(refs - documented_secrets())}"


def test_readme_creates_secrets_after_the_namespace_exists() -> None:
    text = (ROOT / "README.md").read_text()
    apply_at = text.find("kubectl apply -k k8s/overlays/")
    for match in re.finditer(r"create secret generic", text):
        assert match.start() > apply_at >= 0, "README creates a secret before `kubectl apply -k` made the namespace"


def test_disruption_budgets_let_every_node_drain(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    overlay, docs = rendered
    replicas = {name: w["spec"].get("replicas", 1) for name, w, _ in workloads(docs) if w["kind"] != "CronJob"}
    for name, pdb in by_kind(docs, "PodDisruptionBudget").items():
        target = next(n for n, _, t in workloads(docs) if selects(pdb["spec"]["selector"], t["metadata"]["labels"]))
        count = replicas[target]
        spec = pdb["spec"]
        if "maxUnavailable" in spec:
            value = spec["maxUnavailable"]
            # the disruption controller rounds percentages up (GetScaledValueFromIntOrPercent, roundUp)
            allowed = value if isinstance(value, int) else math.ceil(count * int(value.rstrip("%")) / 100)
        else:
            value = spec["minAvailable"]
            allowed = count - (value if isinstance(value, int) else math.ceil(count * int(value.rstrip("%")) / 100))
        assert allowed >= 1, f"{overlay}: PDB {name} allows no eviction of {target} ({count} replica(s)): drains hang"


def test_study_runs_only_when_started_and_its_template_can_change(rendered: tuple[str, list[dict[str, Any]]]) -> None:
    _, docs = rendered
    assert "hardgen-study" not in by_kind(docs, "Job"), "a Job in the render re-runs (or fails to apply) on deploy"
    study = by_kind(docs, "CronJob")["hardgen-study"]
    assert study["spec"]["suspend"] is True and study["spec"]["concurrencyPolicy"] == "Forbid"


def test_modelserve_builds_the_demo_model_it_serves_before_starting() -> None:
    for overlay in OVERLAYS:
        spec = by_kind(render(overlay), "Deployment")["modelserve"]["spec"]["template"]["spec"]
        args = spec["containers"][0]["args"]
        model = args[args.index("--model") + 1]
        if model != "demo":
            continue
        init = {c["name"]: c for c in spec.get("initContainers", [])}["build-demo-model"]
        assert init["command"][:3] == ["hardgen", "model", "build-demo"]
        models_mount = {m["name"]: m["mountPath"] for m in spec["containers"][0]["volumeMounts"]}["models"]
        assert {m["name"]: m["mountPath"] for m in init["volumeMounts"]}["models"] == models_mount == "/models"


def test_gpu_overlay_documents_the_node_label_and_taint_its_pods_expect() -> None:
    text = (ROOT / "k8s/overlays/gpu/kustomization.yaml").read_text()
    deployments = by_kind(render("gpu"), "Deployment")
    for name in ("tgi", "modelserve"):
        pod = deployments[name]["spec"]["template"]["spec"]
        for key, value in pod["nodeSelector"].items():
            assert f"kubectl label node <node> {key}={value}" in text
        for toleration in pod["tolerations"]:
            assert f"kubectl taint node <node> {toleration['key']}=" in text and toleration["effect"] in text


def test_gpu_overlay_loads_the_base_weights_tgi_serves_with_a_job() -> None:
    docs = render("gpu")
    tgi = by_kind(docs, "Deployment")["tgi"]["spec"]["template"]["spec"]
    args = tgi["containers"][0]["args"]
    model_path = args[args.index("--model-id") + 1]
    job = by_kind(docs, "Job")["tgi-weights"]["spec"]["template"]["spec"]["containers"][0]
    assert job["command"][job["command"].index("--local-dir") + 1] == model_path
    waits = " ".join(" ".join(c["command"]) for c in tgi.get("initContainers", []))
    assert model_path in waits, "TGI must wait for the weights instead of crash-looping"


def test_tgi_runs_as_root_only_where_its_image_needs_it_and_the_namespace_allows_it() -> None:
    docs = render("gpu")
    tgi = by_kind(docs, "Deployment")["tgi"]["spec"]["template"]["spec"]
    assert tgi["securityContext"]["runAsUser"] == 0  # its Python lives under /root
    container = tgi["containers"][0]["securityContext"]
    assert container["allowPrivilegeEscalation"] is False and container["capabilities"] == {"drop": ["ALL"]}
    labels = by_kind(docs, "Namespace")[NAMESPACE]["metadata"]["labels"]
    assert labels["pod-security.kubernetes.io/enforce"] == "baseline"  # restricted would reject the pod
    assert labels["pod-security.kubernetes.io/warn"] == "restricted"


def test_gpu_image_is_cuda_13_and_the_4bit_preset_has_bitsandbytes() -> None:
    dockerfile = (ROOT / "deploy/modelserve.Dockerfile").read_text()
    cuda = re.search(r"^ARG CUDA_IMAGE=nvidia/cuda:(\d+)\.", dockerfile, re.MULTILINE)
    assert cuda and int(cuda.group(1)) >= 13, "torch 2.13 wheels are built for CUDA 13"
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    from hardgen.modelserve.finetune import PRESETS

    if any(p.extra.get("load_in_4bit") for p in PRESETS.values()):
        assert any(r.startswith("bitsandbytes") for r in extras["models"])

