// containersignals: container or PM2 setup keeps SIGTERM from node
//
// Graceful shutdown starts with a signal reaching node. docker stop, and
// Kubernetes when it deletes a pod, send SIGTERM to PID 1 of the container,
// wait (Kubernetes: terminationGracePeriodSeconds, 30 s by default), then
// send SIGKILL. With app.enableShutdownHooks() Nest answers SIGTERM by
// running onModuleDestroy, beforeApplicationShutdown, app.close() (the HTTP
// server and transports stop) and onApplicationShutdown; without the signal
// nothing of this runs and the process dies by SIGKILL mid-request.
//
// In a Dockerfile, CMD or ENTRYPOINT in shell form (`CMD node dist/main.js`)
// runs as `/bin/sh -c ...`: sh is PID 1 and does not forward SIGTERM to
// node. Running through npm, yarn or pnpm (`CMD ["npm", "run", "start:prod"]`)
// puts the package manager in between, which does not reliably forward the
// signal or wait for node either. nestlint reads the last stage of each
// Dockerfile found next to the linted sources (and the Dockerfile next to
// package.json up to the repository root) and reports such a command unless
// an init (tini, dumb-init) is the ENTRYPOINT. `docker run --init` and
// Kubernetes' shareProcessNamespace are invisible in the Dockerfile: if you
// rely on them, suppress the finding.
//
// An exec-form command that runs a shell script (`CMD ["sh",
// "./entrypoint.sh"]`, `ENTRYPOINT ["./docker/run.sh"]`) makes the script's
// shell PID 1. nestlint finds the script in the repository (the path
// relative to the Dockerfile's folder, or the one file of that name below
// it), parses it, and reports the Dockerfile command, with the script line
// as related location, when the script ends in npm, yarn, pnpm, npx or
// node without exec, runs the image's CMD with "$@" without exec, starts
// node in the background and waits for it, or ends in `exec npm ...` (npm
// then is PID 1, as with CMD ["npm", ...]).
// A script that ends in `exec node dist/main.js` (or exec "$@"), or traps
// TERM to forward it, is fine; commands inside if, loops and functions are
// not followed.
//
// In a PM2 ecosystem.config.js or .cjs, an app with exec_mode 'cluster'
// gets kill_timeout milliseconds (1600 by default) between SIGINT and
// SIGKILL, too little for Nest to drain requests and close connections.
// nestlint reports cluster apps with no kill_timeout or one below 3000.
//
// Bad:
//
//	FROM node:20-alpine
//	CMD npm run start:prod
//
// Good:
//
//	FROM node:20-alpine
//	RUN apk add --no-cache tini
//	ENTRYPOINT ["/sbin/tini", "--"]
//	CMD ["node", "dist/main.js"]
package containersignals
