module github.com/example-org/mongo-backup

go 1.21

require (
	github.com/spf13/cobra v1.8.1
	go.mongodb.org/mongo-driver v1.15.1
)
