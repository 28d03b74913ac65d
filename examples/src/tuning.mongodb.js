// Run against a test deployment before the nightly index rebuild.
use("admin");

// Refused: logLevel is 0 to 5.
db.adminCommand({ setParameter: 1, logLevel: 7 });

// Refused: the server wants a boolean, not a string.
db.adminCommand({ setParameter: 1, notablescan: "true" });

db.adminCommand({ setParameter: 1, maxIndexBuildMemoryUsageMegabytes: 500 });
