require_relative "app"
run LinksApi
