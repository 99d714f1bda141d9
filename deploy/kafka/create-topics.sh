#!/bin/sh
# Creates the platform's topics (DESIGN.md section 6); the broker has automatic topic creation
# off. Idempotent: an existing topic is left as it is (its partitions and retention included).
# Run by deploy/kafka/init.sh, which passes the admin client config (KAFKA_COMMAND_CONFIG) and the
# districts' egress topics (EGRESS_TOPICS, space-separated).
set -eu

bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
partitions=${KAFKA_TOPIC_PARTITIONS:-6}
inbound_retention_ms=${INBOUND_RETENTION_MS:-259200000}
egress_retention_ms=${EGRESS_RETENTION_MS:-2592000000}
command_config=${KAFKA_COMMAND_CONFIG:-}
egress_topics=${EGRESS_TOPICS:-}

topics() {
    if [ -n "$command_config" ]; then
        "${KAFKA_HOME:-/opt/kafka}/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$command_config" "$@"
    else
        "${KAFKA_HOME:-/opt/kafka}/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "$@"
    fi
}

create() {
    topics --create --if-not-exists --topic "$1" --partitions "$partitions" --replication-factor 1 \
        --config "retention.ms=$2"
}

# Domain events and the access log are the replay source: kept forever.
for topic in case.referral.events case.assessment.events case.plan.events case.access-log; do
    create "$topic" -1
done
# Plaintext integration boundary: short retention, never replayed.
create integration.referrals.inbound "$inbound_retention_ms"
create integration.referrals.inbound.dlt "$inbound_retention_ms"
# Filtered egress to each district's municipal system, created ahead so that the system can
# subscribe before the first case is let out; audit-service creates any other district's topic
# itself, with the same retention (platform.audit.egress.retention, 30 days by default).
for topic in $egress_topics; do
    create "$topic" "$egress_retention_ms"
done

topics --list
