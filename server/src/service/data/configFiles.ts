/** Configuration files of frameworks, by name, whose connection strings a known driver reads. */

/** Spring Boot's configuration files: `application.properties`/`.yml`/`.yaml`, `bootstrap.*`, and their `-profile` variants (the Java driver reads their strings). */
export const SPRING_FILE = /^(application|bootstrap)(-[^/.]+)?\.(properties|ya?ml)$/i;

/** ASP.NET Core's settings: `appsettings.json` and `appsettings.<Environment>.json` (the C# driver reads their strings). */
export const DOTNET_SETTINGS_FILE = /^appsettings(?:\.[^/]+)?\.json$/i;

/** Mongoid's configuration, `mongoid.yml` (the Ruby driver reads its strings). */
export const MONGOID_FILE = /^mongoid\.ya?ml$/i;
