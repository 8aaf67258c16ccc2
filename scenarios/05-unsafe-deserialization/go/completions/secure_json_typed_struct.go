package main

import (
	"encoding/json"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// request is the only shape the endpoint accepts.
type request struct {
	Name string `yaml:"name" json:"name"`
}

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxPayload)
	var payload request
	decoder := yaml.NewDecoder(r.Body)
	decoder.KnownFields(true)
	if err := decoder.Decode(&payload); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	if payload.Name == "" {
		http.Error(w, "missing name", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(request{Name: payload.Name}); err != nil {
		log.Printf("encode response: %v", err)
	}
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
