#!/bin/sh
echo "starting api"
yarn start:prod
