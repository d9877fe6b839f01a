#!/bin/sh
set -e
if [ "$1" = "migrate" ]; then
  npx prisma migrate deploy
fi
"$@"
