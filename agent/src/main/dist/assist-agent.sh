#!/bin/sh
# Starts the Assist agent with settings that keep it small on the customer's computer
# (about 90 MB resident with the OSHI and broker libraries loaded). Arguments go to the agent:
#   ./assist-agent.sh join 123456789 --server http://helpdesk.example.com:8080
export MALLOC_ARENA_MAX=2
exec "${JAVA:-java}" -Xmx32m -Xms8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 \
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k \
  -XX:MaxDirectMemorySize=8m -XX:-UsePerfData \
  -jar "$(dirname "$0")/assist-agent.jar" "$@"
