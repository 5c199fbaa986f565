@echo off
rem Starts the Assist agent with settings that keep it small on the customer's computer.
rem   assist-agent.cmd join 123456789 --server https://helpdesk.example.com:8443
rem With no arguments, an agent downloaded from the server's customer portal joins its session.
java -Xmx32m -Xms8m -XX:MaxNewSize=3m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k -XX:MaxDirectMemorySize=8m -XX:-UsePerfData -jar "%~dp0assist-agent.jar" %*
