module.exports = {
  apps: [
    { name: 'api-fast', script: 'dist/main.js', exec_mode: 'cluster', instances: 4, kill_timeout: 1600 },
    { name: 'api-slow', script: 'dist/main.js', exec_mode: 'cluster', instances: 4, kill_timeout: 10_000, wait_ready: true },
  ],
};
