// Command backup lists the databases of a deployment and runs mongodump for each one.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var (
	uri    string
	outDir string
	skip   = map[string]bool{"admin": true, "config": true, "local": true}
)

func main() {
	root := &cobra.Command{
		Use:   "backup",
		Short: "Dump every user database to a folder",
		RunE:  run,
	}
	root.Flags().StringVar(&uri, "uri", "mongodb://localhost:27017", "connection string (or $MONGODB_URI)")
	root.Flags().StringVar(&outDir, "out", "./dumps", "output folder")
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}

func run(cmd *cobra.Command, _ []string) error {
	if env := os.Getenv("MONGODB_URI"); env != "" && !cmd.Flags().Changed("uri") {
		uri = env
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
	defer cancel()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer client.Disconnect(context.Background())
	names, err := client.ListDatabaseNames(ctx, map[string]any{})
	if err != nil {
		return err
	}
	stamp := time.Now().UTC().Format("20060102T150405Z")
	for _, name := range names {
		if skip[name] {
			continue
		}
		target := filepath.Join(outDir, stamp, name)
		fmt.Println("dumping", name, "to", target)
		dump := exec.CommandContext(cmd.Context(), "mongodump", "--uri", uri, "--db", name, "--gzip", "--out", target)
		dump.Stdout, dump.Stderr = os.Stdout, os.Stderr
		if err := dump.Run(); err != nil {
			return fmt.Errorf("mongodump %s: %w", name, err)
		}
	}
	return nil
}
