#!/bin/sh
# Starts the Assist agent with settings that keep it small on the customer's computer
# (about 75 MB resident with the OSHI and broker libraries loaded). Arguments go to the agent:
#   ./assist-agent.sh join 123456789 --server https://helpdesk.example.com:8443
# With no arguments, an agent downloaded from the server's customer portal joins its session.
export MALLOC_ARENA_MAX=2
# on Linux, hand freed native memory back to the system every 5 s (Java 17.0.9 and later;
# older runtimes ignore the option)
TRIM=
if [ "$(uname -s)" = Linux ]; then
  TRIM="-XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000"
fi
exec "${JAVA:-java}" -Xmx32m -Xms8m -XX:MaxNewSize=3m -XX:MinHeapFreeRatio=10 \
  -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m \
  -Xss256k -XX:MaxDirectMemorySize=8m -XX:-UsePerfData $TRIM \
  -jar "$(dirname "$0")/assist-agent.jar" "$@"
