#!/bin/bash
node dist/workers/mailer.js &
node dist/main.js &
wait
