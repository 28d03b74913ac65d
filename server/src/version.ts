/** Replaced by the bundler with the values in package.json. */
declare const __VERSION__: string | undefined;
declare const __REPOSITORY_URL__: string | undefined;

export const version: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
export const repositoryUrl: string =
  typeof __REPOSITORY_URL__ === 'string' ? __REPOSITORY_URL__ : 'https://github.com/mongodb-uri-limits/mongodb-uri-limits';
