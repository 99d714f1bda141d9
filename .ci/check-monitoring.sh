#!/usr/bin/env bash
# Validates the monitoring files: deploy/prometheus/prometheus.yml and the alert rules it loads (promtool check
# config / check rules), the rules' unit tests (promtool test rules deploy/prometheus/alerts.test.yml), and the
# Grafana dashboard deploy/grafana/dashboards/case-platform.json (JSON, and every panel's query names only series
# of the metrics contract). Also makes Chromium and its driver available for the headless test of the operator
# dashboard (platform-tests OperatorDashboardIT). Installs what is missing with apt-get (Debian packages
# prometheus, chromium, chromium-driver).
# usage: bash .ci/check-monitoring.sh   (from anywhere; exits non-zero on any failure)
set -euo pipefail

cd "$(dirname "$0")/.."
prometheus_config=deploy/prometheus/prometheus.yml
alert_rules=deploy/prometheus/alerts.yml
alert_tests=deploy/prometheus/alerts.test.yml
dashboard=deploy/grafana/dashboards/case-platform.json
datasources=deploy/grafana/provisioning/datasources/prometheus.yml

fail() { echo "check-monitoring: FAIL: $*" >&2; exit 1; }
step() { echo "check-monitoring: $*"; }

. .ci/packages.sh

command -v promtool >/dev/null 2>&1 || { step "installing prometheus (for promtool)"; install_packages prometheus; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    step "installing chromium and chromium-driver (for the operator dashboard's browser test)"
    install_packages chromium chromium-driver
fi
step "$(promtool --version 2>&1 | head -n 1); $(chromium --version 2>/dev/null || echo 'no chromium')"

step "promtool check config $prometheus_config"
promtool check config "$prometheus_config" || fail "promtool rejected $prometheus_config"
grep -q "^  - $(basename "$alert_rules")\$" "$prometheus_config" \
    || fail "$prometheus_config does not load $(basename "$alert_rules") in rule_files"

step "promtool check rules $alert_rules"
promtool check rules "$alert_rules" || fail "promtool rejected $alert_rules"

step "promtool test rules $alert_tests"
promtool test rules "$alert_tests" || fail "the unit tests of $alert_rules failed (see above)"

step "Grafana dashboard $dashboard"
[ -f "$dashboard" ] || fail "$dashboard not found"
python3 -m json.tool "$dashboard" >/dev/null || fail "$dashboard is not valid JSON"
python3 - "$dashboard" "$datasources" <<'PYTHON' || fail "$dashboard queries something the metrics contract does not define"
import json, re, sys
dashboard = json.load(open(sys.argv[1], encoding="utf-8"))
datasources = open(sys.argv[2], encoding="utf-8").read()
# The Prometheus series of the metrics contract (docs/operations/dashboard.md), and Prometheus' own `up`.
CONTRACT = {"platform_commands_total", "platform_events_published_total", "platform_consumer_lag",
            "platform_event_latency_seconds_bucket", "platform_event_latency_seconds_count",
            "platform_event_latency_seconds_sum", "platform_event_latency_seconds_max",
            "platform_events_consumed_total", "platform_deadlines_pending", "platform_deadlines_overdue",
            "platform_deadlines_fired_total", "platform_dead_letters_total", "platform_replay_events_total",
            "platform_replay_progress", "platform_cases", "platform_consumer_stopped", "up"}
FUNCTIONS = {"abs", "absent", "absent_over_time", "avg", "avg_over_time", "bottomk", "ceil", "changes", "clamp",
             "clamp_max", "clamp_min", "count", "count_over_time", "delta", "deriv", "floor", "group",
             "histogram_quantile", "idelta", "increase", "irate", "label_replace", "last_over_time", "max",
             "max_over_time", "min", "min_over_time", "quantile", "rate", "resets", "round", "scalar", "sort",
             "sort_desc", "stddev", "sum", "sum_over_time", "time", "topk", "vector", "and", "or", "unless",
             "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan"}
problems, panels = [], []

def walk(items):
    for panel in items or []:
        panels.append(panel)
        walk(panel.get("panels"))

walk(dashboard.get("panels"))
if not panels:
    problems.append("the dashboard has no panel")
uids = set(re.findall(r"^\s*uid:\s*(\S+)", datasources, re.M))
for panel in panels:
    if panel.get("type") == "row":
        continue
    title = panel.get("title", "?")
    targets = [t for t in panel.get("targets") or [] if t.get("expr")]
    if not targets:
        problems.append(f"panel {title!r} has no query")
    for target in targets:
        uid = (target.get("datasource") or panel.get("datasource") or {}).get("uid")
        if uid not in uids:
            problems.append(f"panel {title!r}: datasource uid {uid!r} is not provisioned in {sys.argv[2]}")
        expr = target["expr"]
        bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)                 # string literals
        bare = re.sub(r"\{[^}]*\}", "", bare)                         # label matchers
        bare = re.sub(r"\[[^\]]*\]", "", bare)                        # ranges
        bare = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", bare)
        bare = re.sub(r"\$\{?\w+\}?", "", bare)                       # dashboard variables
        names = [n for n in re.findall(r"[A-Za-z_:][A-Za-z0-9_:]*", bare) if n.lower() not in FUNCTIONS]
        if not names:
            problems.append(f"panel {title!r}: no metric in {expr!r}")
        for name in names:
            if name not in CONTRACT:
                problems.append(f"panel {title!r}: {name} is not a series of the metrics contract")
for line in problems:
    print("  " + line, file=sys.stderr)
if not problems:
    print(f"check-monitoring: {len(panels)} panels, every query on the contract's series")
sys.exit(1 if problems else 0)
PYTHON

step "OK"
