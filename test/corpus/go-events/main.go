package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/example-org/go-events/internal/store"
	"github.com/go-chi/chi/v5"
)

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	uri := getenv("MONGODB_URI", "mongodb://localhost:27017")
	dbName := getenv("MONGODB_DATABASE", "events")

	st, err := store.Open(ctx, uri, dbName)
	if err != nil {
		log.Fatalf("open store: %v", err)
	}
	defer st.Close(context.Background())

	r := chi.NewRouter()
	r.Post("/events", st.HandleIngest)
	r.Get("/events/{id}", st.HandleGet)

	srv := &http.Server{Addr: getenv("LISTEN_ADDR", ":8080"), Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	log.Printf("listening on %s", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
