#!/bin/sh
# Creates the platform's topics (DESIGN.md section 6); the broker has automatic topic creation
# off. Idempotent: an existing topic is left as it is (its partitions and retention included).
set -eu

bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
partitions=${KAFKA_TOPIC_PARTITIONS:-6}
inbound_retention_ms=${INBOUND_RETENTION_MS:-259200000}

create() {
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
        --topic "$1" --partitions "$partitions" --replication-factor 1 --config "retention.ms=$2"
}

# Domain events and the access log are the replay source: kept forever.
for topic in case.referral.events case.assessment.events case.plan.events case.access-log; do
    create "$topic" -1
done
# Plaintext integration boundary: short retention, never replayed.
create integration.referrals.inbound "$inbound_retention_ms"
create integration.referrals.inbound.dlt "$inbound_retention_ms"

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
