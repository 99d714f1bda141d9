#!/usr/bin/env bash
# Validates the production run mode without a Docker engine: docker-compose.yml (with Debian's
# docker-compose 1.29), the files it builds from and mounts, the secrets it must refuse to run
# without, the Keycloak realm (JSON, no literal secret, the embedded issuer's personas), the Kafka
# grants (deploy/kafka/acls.csv), the shell scripts, and deploy/prometheus/prometheus.yml (with
# promtool). Installs the tools with apt-get when missing.
# usage: bash .ci/check-compose.sh   (from anywhere; exits non-zero on any failure)
set -euo pipefail

cd "$(dirname "$0")/.."
compose_file=docker-compose.yml
env_file=deploy/env.example
prometheus_config=deploy/prometheus/prometheus.yml
realm_file=deploy/keycloak/case-platform-realm.json
acls_file=deploy/kafka/acls.csv
personas_file=identity-issuer/src/main/resources/personas.csv

fail() { echo "check-compose: FAIL: $*" >&2; exit 1; }
step() { echo "check-compose: $*"; }

. .ci/packages.sh

command -v docker-compose >/dev/null 2>&1 || { step "installing docker-compose"; install_packages docker-compose; }
command -v promtool >/dev/null 2>&1 || { step "installing prometheus (for promtool)"; install_packages prometheus; }
python3 -c 'import yaml' 2>/dev/null || { step "installing python3-yaml"; install_packages python3-yaml; }
command -v jq >/dev/null 2>&1 || { step "installing jq"; install_packages jq; }
step "$(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /'); $(promtool --version 2>&1 | head -n 1)"

[ -f "$compose_file" ] || fail "$compose_file not found"
[ -f "$env_file" ] || fail "$env_file not found"

# Every variable that env.example sets is a secret the compose file must require.
secrets=$(sed -n 's/^\([A-Z][A-Z0-9_]*\)=.*/\1/p' "$env_file")
[ -n "$secrets" ] || fail "$env_file sets no variable"

# Values already in the environment would override the env file: validate the file alone.
# shellcheck disable=SC2086 # one name per word
unset $secrets KEYCLOAK_URL KEYCLOAK_ADMIN_USERNAME CASE_PLATFORM_WEB_URL GRAFANA_ADMIN_USERNAME

step "docker-compose config ($compose_file with $env_file)"
docker-compose -f "$compose_file" --env-file "$env_file" config --quiet \
    || fail "docker-compose config rejected $compose_file (see the error above)"

step "each secret is required: config must fail while it is unset"
work_dir=$(mktemp -d)
resolved_config=$work_dir/resolved-config.yml
trap 'rm -rf "$work_dir"' EXIT
# docker-compose refuses a file in which a ${NAME:?message} has no value: every secret must be
# referenced that way (a config run per secret would take two seconds each), and a run without
# any secret must fail.
for secret in $secrets; do
    grep -q "\${$secret:?" "$compose_file" \
        || fail "$compose_file does not require $secret: reference it as \${$secret:?message}"
done
grep -v '^[A-Z][A-Z0-9_]*=' "$env_file" >"$work_dir/no-secrets.env"
if docker-compose -f "$compose_file" --env-file "$work_dir/no-secrets.env" config --quiet >/dev/null 2>&1; then
    fail "$compose_file validates without any of the secrets of $env_file"
fi

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

step "shell syntax of deploy/kafka/*.sh"
for script in deploy/kafka/create-topics.sh deploy/kafka/init.sh; do
    sh -n "$script" || fail "$script has a syntax error"
done
bash -n deploy/kafka/kafka-start.sh || fail "deploy/kafka/kafka-start.sh has a syntax error"

step "Keycloak realm $realm_file: JSON, and no literal secret"
[ -f "$realm_file" ] || fail "$realm_file not found"
jq empty "$realm_file" || fail "$realm_file is not valid JSON"
# A client secret or a credential's value must be a ${VARIABLE} placeholder, filled in by
# Keycloak from its environment at import; hashed credentials have no place in the file either.
literal_secrets=$(jq -r '
    [ (.. | objects | select(has("secret")) | .secret),
      (.. | objects | select(has("credentials")) | .credentials[]? | .value),
      (.. | objects | select(has("hashedSaltedValue") or has("secretData") or has("credentialData"))
          | "a hashed credential") ]
    | map(select(type != "string" or (test("^\\$\\{[A-Z][A-Z0-9_]*\\}$") | not)))
    | .[] | tostring' "$realm_file") || fail "jq could not read $realm_file"
[ -z "$literal_secrets" ] || fail "$realm_file holds secrets that are not \${VARIABLE} placeholders: $literal_secrets"
jq -e '.clients[] | select(.clientId == "case-platform-web")
        | .publicClient == true and .standardFlowEnabled == true and .implicitFlowEnabled == false
          and .directAccessGrantsEnabled == false and .serviceAccountsEnabled == false
          and .attributes["pkce.code.challenge.method"] == "S256"' "$realm_file" >/dev/null \
    || fail "$realm_file: client case-platform-web must be public, standard flow only, PKCE S256"

step "Keycloak realm: placeholders reach Keycloak, personas match $personas_file"
docker-compose -f "$compose_file" --env-file "$env_file" config >"$resolved_config"
python3 - "$resolved_config" "$realm_file" "$personas_file" <<'PYTHON' || fail "$realm_file does not fit the compose file or the personas"
import csv, json, os, re, sys, yaml
config = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
realm_path, personas_path = sys.argv[2], sys.argv[3]
text = open(realm_path, encoding="utf-8").read()
realm = json.loads(text)
problems = []
keycloak_env = (config["services"].get("keycloak") or {}).get("environment") or {}
for name in sorted(set(re.findall(r"\$\{([A-Za-z0-9_]+)\}", text))):
    if name not in keycloak_env:
        problems.append(f"placeholder ${{{name}}} is not in the keycloak service's environment")
if os.path.exists(personas_path):
    users = {u["id"]: u for u in realm.get("users", [])}
    clients = {c["clientId"]: c for c in realm.get("clients", [])}
    for persona in csv.DictReader(open(personas_path, encoding="utf-8")):
        expected = {"role": persona["role"], "agency": persona["agency"],
                    "districts": persona["districts"].split(";"), "provider": persona["provider"] or None}
        client = clients.get(persona["id"])
        if client is not None:
            mappers = {m["config"].get("claim.name"): m["config"].get("claim.value")
                       for m in client.get("protocolMappers", []) if m["protocolMapper"] == "oidc-hardcoded-claim-mapper"}
            actual = {"role": mappers.get("role"), "agency": mappers.get("agency"),
                      "districts": json.loads(mappers.get("districts") or "null"), "provider": mappers.get("provider")}
            if users.get(persona["id"], {}).get("serviceAccountClientId") != persona["id"]:
                problems.append(f"{persona['id']}: its service account user must have the id {persona['id']} (sub)")
        elif persona["id"] in users:
            attributes = users[persona["id"]].get("attributes", {})
            actual = {"role": (attributes.get("role") or [None])[0], "agency": (attributes.get("agency") or [None])[0],
                      "districts": attributes.get("districts"), "provider": (attributes.get("provider") or [None])[0]}
        else:
            problems.append(f"persona {persona['id']} is neither a user nor a client of the realm")
            continue
        if actual != expected:
            problems.append(f"{persona['id']}: realm has {actual}, {personas_path} has {expected}")
for line in problems:
    print("  " + line, file=sys.stderr)
sys.exit(1 if problems else 0)
PYTHON

step "Kafka grants $acls_file"
[ -f "$acls_file" ] || fail "$acls_file not found"
python3 - "$resolved_config" "$acls_file" <<'PYTHON' || fail "$acls_file is not valid"
import re, sys, yaml
config = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
path = sys.argv[2]
header = "principal,resourceType,patternType,resourceName,operation"
resource_types = {"TOPIC", "GROUP", "CLUSTER", "TRANSACTIONAL_ID"}
pattern_types = {"LITERAL", "PREFIXED"}
operations = {"READ", "WRITE", "CREATE", "DELETE", "ALTER", "DESCRIBE", "CLUSTER_ACTION", "DESCRIBE_CONFIGS",
              "ALTER_CONFIGS", "IDEMPOTENT_WRITE", "CREATE_TOKENS", "DESCRIBE_TOKENS"}
super_users = {"broker", "kafka-admin"}
init_env = (config["services"].get("kafka-init") or {}).get("environment") or {}
problems, seen, grants, users = [], False, set(), set()
for number, raw in enumerate(open(path, encoding="utf-8"), start=1):
    line = raw.rstrip("\r\n").strip()
    if not line or line.startswith("#"):
        continue
    where = f"{path}:{number}"
    if not seen:
        seen = True
        if line != header:
            problems.append(f"{where}: the header must be {header}")
        continue
    columns = line.split(",")
    if len(columns) != 5:
        problems.append(f"{where}: expected 5 columns, found {len(columns)}")
        continue
    principal, resource_type, pattern_type, name, operation = columns
    if not re.fullmatch(r"User:[a-z0-9][a-z0-9.-]*", principal):
        problems.append(f"{where}: principal {principal!r} must be User:<lower-case name>")
    elif principal[5:] in super_users:
        problems.append(f"{where}: {principal} is a super user and needs no grant")
    if resource_type not in resource_types:
        problems.append(f"{where}: resource type {resource_type!r} is not one of {sorted(resource_types)}")
    if pattern_type not in pattern_types:
        problems.append(f"{where}: pattern type {pattern_type!r} is not one of {sorted(pattern_types)}")
    if operation not in operations:
        problems.append(f"{where}: operation {operation!r} is not one of {sorted(operations)}")
    if resource_type == "CLUSTER" and name != "kafka-cluster":
        problems.append(f"{where}: the cluster resource is named kafka-cluster")
    if not re.fullmatch(r"[A-Za-z0-9._-]+", name):
        problems.append(f"{where}: resource name {name!r} is empty or has characters Kafka does not allow")
    if line in grants:
        problems.append(f"{where}: duplicate grant")
    grants.add(line)
    users.add(principal[5:])
if not seen or not grants:
    problems.append(f"{path}: no header or no grant")
for user in sorted(users):
    variable = "KAFKA_PASSWORD_" + re.sub(r"[.-]", "_", user.upper())
    if variable not in init_env:
        problems.append(f"{variable} (password of User:{user}) is not in the kafka-init service's environment")
for line in problems:
    print("  " + line, file=sys.stderr)
sys.exit(1 if problems else 0)
PYTHON

step "promtool check config $prometheus_config"
promtool check config "$prometheus_config" || fail "promtool rejected $prometheus_config"

step "OK"
