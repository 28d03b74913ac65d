output "standard_srv" {
  value = mongodbatlas_cluster.main.connection_strings[0].standard_srv
}

output "mongodb_uri" {
  sensitive = true
  value = var.mongodb_uri_override != "" ? var.mongodb_uri_override : format(
    "mongodb+srv://%s:%s@%s/storefront?retryWrites=true&w=majority",
    mongodbatlas_database_user.app.username,
    random_password.app.result,
    trimprefix(mongodbatlas_cluster.main.connection_strings[0].standard_srv, "mongodb+srv://"),
  )
}

output "app_connection_string" {
  sensitive = true
  value     = "mongodb+srv://${mongodbatlas_database_user.app.username}:${random_password.app.result}@${trimprefix(mongodbatlas_cluster.main.connection_strings[0].standard_srv, "mongodb+srv://")}/storefront"
}
