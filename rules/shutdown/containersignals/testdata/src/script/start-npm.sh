#!/bin/sh
npx prisma migrate deploy
exec npm run start:prod
