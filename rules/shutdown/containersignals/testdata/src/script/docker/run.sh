#!/bin/sh
node dist/main.js &
PID=$!
trap 'kill -TERM $PID' TERM INT
wait $PID
