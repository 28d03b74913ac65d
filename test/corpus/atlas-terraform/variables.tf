variable "atlas_org_id" {
  type        = string
  description = "Atlas organization ID"
}

variable "project_name" {
  type    = string
  default = "storefront-prod"
}

variable "cluster_name" {
  type    = string
  default = "storefront"
}

variable "region" {
  type    = string
  default = "EU_WEST_1"
}

variable "db_username" {
  type    = string
  default = "storefront_app"
}

variable "mongodb_uri_override" {
  type        = string
  default     = ""
  description = "Use this connection string instead of the cluster's (e.g. mongodb://localhost:27017 in tests)"
}
