#!/usr/bin/env bash
# Validates the production run mode without a Docker engine: docker-compose.yml (with Debian's
# docker-compose 1.29), the files it builds from and mounts, the secrets it must refuse to run
# without, and deploy/prometheus/prometheus.yml (with promtool). Installs both tools with apt-get
# when missing. usage: bash .ci/check-compose.sh   (from anywhere; exits non-zero on any failure)
set -euo pipefail

cd "$(dirname "$0")/.."
compose_file=docker-compose.yml
env_file=deploy/env.example
prometheus_config=deploy/prometheus/prometheus.yml

fail() { echo "check-compose: FAIL: $*" >&2; exit 1; }
step() { echo "check-compose: $*"; }

apt_updated=
install_package() {
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ -z "$apt_updated" ]; then
        $sudo apt-get update -qq || fail "apt-get update failed"
        apt_updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" \
        >/dev/null || fail "apt-get install $1 failed"
}

command -v docker-compose >/dev/null 2>&1 || { step "installing docker-compose"; install_package docker-compose; }
command -v promtool >/dev/null 2>&1 || { step "installing prometheus (for promtool)"; install_package prometheus; }
python3 -c 'import yaml' 2>/dev/null || { step "installing python3-yaml"; install_package python3-yaml; }
step "$(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /'); $(promtool --version 2>&1 | head -n 1)"

[ -f "$compose_file" ] || fail "$compose_file not found"
[ -f "$env_file" ] || fail "$env_file not found"

# Values already in the environment would override the env file: validate the file alone.
unset PLATFORM_KEYSTORE_MASTERKEY PLATFORM_PSEUDONYM_SECRET

step "docker-compose config ($compose_file with $env_file)"
docker-compose -f "$compose_file" --env-file "$env_file" config --quiet \
    || fail "docker-compose config rejected $compose_file (see the error above)"

step "each secret is required: config must fail while it is unset"
partial_env=$(mktemp)
trap 'rm -f "$partial_env"' EXIT
for secret in PLATFORM_KEYSTORE_MASTERKEY PLATFORM_PSEUDONYM_SECRET; do
    grep -v "^$secret=" "$env_file" >"$partial_env"
    if docker-compose -f "$compose_file" --env-file "$partial_env" config --quiet >/dev/null 2>&1; then
        fail "$compose_file validates without $secret: require it with \${$secret:?message}"
    fi
done

# `config` accepts a missing Dockerfile inside an existing context and a missing bind-mount
# source: check those in the resolved configuration.
step "Dockerfiles and bind-mounted files exist"
docker-compose -f "$compose_file" --env-file "$env_file" config | python3 -c '
import os, sys, yaml
config = yaml.safe_load(sys.stdin)
missing = []
for name, service in (config.get("services") or {}).items():
    build = service.get("build")
    if build:
        context = build if isinstance(build, str) else build.get("context", ".")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        path = os.path.join(context, dockerfile)
        if not os.path.isfile(path):
            missing.append(f"{name}: Dockerfile {path}")
    for volume in service.get("volumes") or []:
        source = volume.get("source") if isinstance(volume, dict) else volume.split(":")[0]
        kind = volume.get("type") if isinstance(volume, dict) else ("bind" if source.startswith((".", "/")) else "volume")
        if kind == "bind" and not os.path.exists(source):
            missing.append(f"{name}: bind-mount source {source}")
for line in missing:
    print("  missing " + line, file=sys.stderr)
sys.exit(1 if missing else 0)
' || fail "files that $compose_file builds from or mounts are missing"

step "shell syntax of deploy/kafka/create-topics.sh"
sh -n deploy/kafka/create-topics.sh || fail "deploy/kafka/create-topics.sh has a syntax error"

step "promtool check config $prometheus_config"
promtool check config "$prometheus_config" || fail "promtool rejected $prometheus_config"

step "OK"
