process.on('SIGINT', () => process.exit(130));
