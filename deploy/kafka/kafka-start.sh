#!/usr/bin/env bash
# Starts the production broker (the kafka service's command). On the first start it formats the
# log dir itself, bootstrapping the SCRAM credentials of the two principals that must exist before
# any client can authenticate: `broker` (its own inter-broker connections) and `kafka-admin`
# (kafka-init, which creates every other user and the ACLs). The image's start script then finds
# the dir formatted and goes on as usual. It also leaves a client config for the health check.
set -euo pipefail

: "${CLUSTER_ID:?CLUSTER_ID is not set}"
: "${BROKER_SASL_PASSWORD:?BROKER_SASL_PASSWORD is not set}"
: "${ADMIN_SASL_PASSWORD:?ADMIN_SASL_PASSWORD is not set}"
data_dir=${KAFKA_LOG_DIRS:-/var/lib/kafka/data}

if [ ! -f "$data_dir/meta.properties" ]; then
    echo "kafka-start: formatting $data_dir with the SCRAM credentials of broker and kafka-admin"
    format_config=$(mktemp)
    # Only what the storage tool needs to lay out a combined broker/controller node.
    cat >"$format_config" <<PROPERTIES
process.roles=broker,controller
node.id=${KAFKA_NODE_ID:-1}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS:-1@127.0.0.1:9093}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
log.dirs=$data_dir
PROPERTIES
    /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$format_config" \
        --add-scram "SCRAM-SHA-512=[name=broker,password=$BROKER_SASL_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=kafka-admin,password=$ADMIN_SASL_PASSWORD]"
    rm -f "$format_config"
fi

umask 077
cat >/tmp/health-client.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$BROKER_SASL_PASSWORD";
PROPERTIES

exec /etc/kafka/docker/run
