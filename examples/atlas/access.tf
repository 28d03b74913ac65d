# Office and CI runners allowed to reach the shop project.
resource "mongodbatlas_project_ip_access_list" "office" {
  project_id = mongodbatlas_project.shop.id
  count      = 150
  cidr_block = "10.20.${count.index}.0/24"
  comment    = "office subnet ${count.index}"
}

# Atlas refuses the entries past 200 in one project.
resource "mongodbatlas_project_ip_access_list" "runners" {
  project_id = mongodbatlas_project.shop.id
  count      = 60
  ip_address = "203.0.113.${count.index}"
  comment    = "CI runner ${count.index}"
}
