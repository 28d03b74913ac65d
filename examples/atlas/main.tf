# Atlas project and clusters of the shop, provisioned with the MongoDB Atlas provider.
terraform {
  required_providers {
    mongodbatlas = { source = "mongodb/mongodbatlas" }
  }
}

# "/" is not allowed in a project name.
resource "mongodbatlas_project" "shop" {
  name   = "shop/production"
  org_id = var.atlas_org_id
}

resource "mongodbatlas_advanced_cluster" "orders" {
  project_id   = mongodbatlas_project.shop.id
  name         = "orders-eu-west-1-production"
  cluster_type = "REPLICASET"
}

# Atlas derives host names from the first 23 characters, which this name shares with "orders" above.
resource "mongodbatlas_advanced_cluster" "orders_replay" {
  project_id   = mongodbatlas_project.shop.id
  name         = "orders-eu-west-1-production-replay"
  cluster_type = "REPLICASET"
}

# Cluster names take letters, digits and hyphens only.
resource "mongodbatlas_advanced_cluster" "reports" {
  project_id   = mongodbatlas_project.shop.id
  name         = "reports_2024"
  cluster_type = "REPLICASET"
}
