resource "mongodbatlas_project" "this" {
  name   = var.project_name
  org_id = var.atlas_org_id
}

resource "mongodbatlas_cluster" "main" {
  project_id   = mongodbatlas_project.this.id
  name         = var.cluster_name
  cluster_type = "REPLICASET"

  replication_specs {
    num_shards = 1
    regions_config {
      region_name     = var.region
      electable_nodes = 3
      priority        = 7
      read_only_nodes = 0
    }
  }

  cloud_backup                 = true
  auto_scaling_disk_gb_enabled = true
  mongo_db_major_version       = "7.0"

  provider_name               = "AWS"
  provider_instance_size_name = "M10"
}

resource "random_password" "app" {
  length  = 24
  special = false
}

resource "mongodbatlas_database_user" "app" {
  username           = var.db_username
  password           = random_password.app.result
  project_id         = mongodbatlas_project.this.id
  auth_database_name = "admin"

  roles {
    role_name     = "readWrite"
    database_name = "storefront"
  }

  scopes {
    name = mongodbatlas_cluster.main.name
    type = "CLUSTER"
  }
}

resource "mongodbatlas_project_ip_access_list" "vpc" {
  project_id = mongodbatlas_project.this.id
  cidr_block = "10.40.0.0/16"
  comment    = "production VPC"
}
