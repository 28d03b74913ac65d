// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2024-07-01',
  devtools: { enabled: true },
  runtimeConfig: {
    // overridden by NUXT_MONGODB_URI / NUXT_MONGODB_DB at runtime
    mongodbUri: 'mongodb://localhost:27017',
    mongodbDb: 'nuxt-shop',
    public: {
      currency: 'EUR',
    },
  },
});
