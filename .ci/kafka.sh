#!/usr/bin/env bash
# Starts a single-node Apache Kafka 4.x broker in KRaft mode on 127.0.0.1:9092 for the Kafka
# starters' integration tests. Its jars come from Maven Central (no download site is needed); they
# are cached under $ADR_WIZARD_TOOLS between runs. Idempotent: does nothing when 9092 answers.
set -euo pipefail
KAFKA_VERSION=4.4.0
tools="${ADR_WIZARD_TOOLS:-$HOME/.cache/adr-wizard-tools}"
home="$tools/kafka-$KAFKA_VERSION"
port_open() { (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; }
if port_open; then echo "kafka: already listening on 127.0.0.1:9092"; exit 0; fi

if [ ! -d "$home/lib" ]; then
  mkdir -p "$home"
  cat > "$home/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kafka-broker</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>2.24.3</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
POM
  mvn -q -f "$home/pom.xml" dependency:copy-dependencies -DoutputDirectory="$home/lib" -DincludeScope=runtime
fi

data="${KAFKA_DATA:-/tmp/adr-wizard-kafka}"
rm -rf "$data"; mkdir -p "$data"
cat > "$home/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
cat > "$home/log4j2.yaml" <<'LOG'
Configuration:
  Appenders:
    Console: { name: STDOUT, PatternLayout: { pattern: "[%d] %p %m (%c)%n" } }
  Loggers:
    Root: { level: WARN, AppenderRef: [{ ref: STDOUT }] }
LOG
cp="$home/lib/*"
jopts=(-Xms256m -Xmx512m -Dlog4j2.configurationFile="$home/log4j2.yaml")
java "${jopts[@]}" -cp "$cp" kafka.tools.StorageTool format --standalone -t MkU3OEVBNTcwNTJENDM2Qg -c "$home/server.properties" >/dev/null
nohup java "${jopts[@]}" -cp "$cp" kafka.Kafka "$home/server.properties" >"$data.log" 2>&1 &
for _ in $(seq 1 60); do port_open && break; sleep 1; done
port_open || { tail -50 "$data.log"; echo "kafka did not start"; exit 1; }
echo "kafka: $KAFKA_VERSION (KRaft) listening on 127.0.0.1:9092"
