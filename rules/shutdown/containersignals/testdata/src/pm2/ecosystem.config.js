module.exports = {
  apps: [
    {
      name: 'api',
      script: 'dist/main.js',
      exec_mode: 'cluster',
      instances: 'max',
    },
    {
      name: 'worker',
      script: 'dist/worker.js',
      exec_mode: 'fork',
    },
  ],
};
