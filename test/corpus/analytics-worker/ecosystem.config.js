module.exports = {
  apps: [
    {
      name: 'analytics-worker',
      script: 'src/worker.js',
      instances: 2,
      exec_mode: 'cluster',
      env: {
        NODE_ENV: 'development',
        MONGODB_URI: 'mongodb://localhost:27017/analytics',
      },
      env_production: {
        NODE_ENV: 'production',
        REDIS_HOST: 'redis.analytics.internal',
        MONGODB_URI: 'mongodb://analytics:Wq7xN2pR4tYb@analytics-db.analytics.internal:27017/analytics?replicaSet=analytics',
      },
    },
  ],
};
