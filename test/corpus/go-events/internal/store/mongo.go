package store

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const eventsCollection = "events"

type Store struct {
	client *mongo.Client
	events *mongo.Collection
}

func Open(ctx context.Context, uri, database string) (*Store, error) {
	opts := options.Client().ApplyURI(uri).SetAppName("go-events").SetTimeout(10 * time.Second)
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return nil, err
	}
	if err := client.Ping(ctx, nil); err != nil {
		return nil, err
	}
	return &Store{client: client, events: client.Database(database).Collection(eventsCollection)}, nil
}

func (s *Store) Close(ctx context.Context) error { return s.client.Disconnect(ctx) }

func (s *Store) HandleIngest(w http.ResponseWriter, r *http.Request) {
	var doc bson.M
	if err := json.NewDecoder(r.Body).Decode(&doc); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	doc["receivedAt"] = time.Now().UTC()
	res, err := s.events.InsertOne(r.Context(), doc)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": res.InsertedID})
}

func (s *Store) HandleGet(w http.ResponseWriter, r *http.Request) {
	id, err := primitive.ObjectIDFromHex(chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	var doc bson.M
	if err := s.events.FindOne(r.Context(), bson.M{"_id": id}).Decode(&doc); err != nil {
		http.NotFound(w, r)
		return
	}
	_ = json.NewEncoder(w).Encode(doc)
}
