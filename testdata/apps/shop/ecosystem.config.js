// PM2 process file for the VM deployment (the container image does not use it).
module.exports = {
  apps: [
    {
      name: 'shop-api',
      script: 'dist/main.js',
      cwd: __dirname,
      instances: 'max',
      exec_mode: 'cluster',
      max_memory_restart: '512M',
      merge_logs: true,
      out_file: './logs/out.log',
      error_file: './logs/error.log',
      env: {
        NODE_ENV: 'production',
        PORT: 3000,
      },
    },
  ],
};
