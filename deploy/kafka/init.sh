#!/bin/sh
# One-shot set-up of the production broker, as kafka-admin, after the broker is healthy; rerun on
# every `docker-compose up` (each step is idempotent):
#   1. the SCRAM user of every principal named in acls.csv, its password taken from the variable
#      KAFKA_PASSWORD_<principal in upper case, '-' and '.' as '_'>, e.g. KAFKA_PASSWORD_REFERRAL_SERVICE;
#   2. the grants of acls.csv (kafka-acls.sh --add; a grant that exists is left as it is);
#   3. the topics (create-topics.sh), including the egress topic of every district that acls.csv
#      gives a municipal principal.
set -eu

bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
acls=${KAFKA_ACLS_FILE:-/opt/case-platform/acls.csv}
bin=${KAFKA_HOME:-/opt/kafka}/bin
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}"

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
admin_config=$work/admin.properties
cat >"$admin_config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="kafka-admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

# The grant lines: no comments, no blank lines, no header.
grep -v '^[[:space:]]*#' "$acls" | grep -v '^[[:space:]]*$' | tail -n +2 | tr -d '\r' >"$work/grants.csv"

echo "kafka-init: SCRAM users"
cut -d, -f1 "$work/grants.csv" | sort -u | while read -r principal; do
    user=${principal#User:}
    variable=KAFKA_PASSWORD_$(printf '%s' "$user" | tr 'a-z.-' 'A-Z__')
    password=$(printenv "$variable") || { echo "kafka-init: $variable is not set (password of $principal)" >&2; exit 1; }
    [ -n "$password" ] || { echo "kafka-init: $variable is empty" >&2; exit 1; }
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --alter \
        --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=$password]" >/dev/null
    echo "  $user"
done

echo "kafka-init: ACLs of $acls"
# One kafka-acls.sh call per resource, with all operations granted on it to that principal.
awk -F, '{ key = $1 "," $2 "," $3 "," $4; if (key in ops) ops[key] = ops[key] " " $5; else ops[key] = $5 }
         END { for (key in ops) print key "," ops[key] }' "$work/grants.csv" | sort |
while IFS=, read -r principal resource_type pattern_type resource_name operations; do
    case $resource_type in
        TOPIC) resource="--topic $resource_name" ;;
        GROUP) resource="--group $resource_name" ;;
        TRANSACTIONAL_ID) resource="--transactional-id $resource_name" ;;
        CLUSTER) resource="--cluster" ;;
        *) echo "kafka-init: unknown resource type $resource_type" >&2; exit 1 ;;
    esac
    operation_options=
    for operation in $operations; do
        # kafka-acls.sh names operations in PascalCase: ALTER_CONFIGS -> AlterConfigs
        operation_options="$operation_options --operation $(printf '%s' "$operation" | awk -F_ \
            '{ for (i = 1; i <= NF; i++) printf "%s%s", toupper(substr($i, 1, 1)), tolower(substr($i, 2)) }')"
    done
    # shellcheck disable=SC2086 # the option lists are split on purpose
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add \
        --allow-principal "$principal" --resource-pattern-type "$pattern_type" $resource $operation_options \
        >/dev/null
    echo "  $principal $pattern_type $resource_type $resource_name: $operations"
done

echo "kafka-init: topics"
EGRESS_TOPICS=$(awk -F, '$2 == "TOPIC" && $3 == "LITERAL" && $4 ~ /^integration\.cases\.egress\./ { print $4 }' \
    "$work/grants.csv" | sort -u | tr '\n' ' ')
export EGRESS_TOPICS
KAFKA_COMMAND_CONFIG=$admin_config sh "$(dirname "$0")/create-topics.sh"
