atlas_org_id = "5f1e2d3c4b5a69788796a5b4"
project_name = "storefront-prod"
cluster_name = "storefront"
region       = "EU_WEST_1"

# temporary: point the outputs at the old cluster until the migration is done
mongodb_uri_override = "mongodb+srv://storefront_app:hR7mK2pLz9Wq@storefront-legacy.u3v5w.mongodb.net/storefront?retryWrites=true&w=majority"
