package main

import (
	"encoding/gob"
	"encoding/json"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	// Accept any Go value the client encoded with encoding/gob.
	var payload interface{}
	if err := gob.NewDecoder(r.Body).Decode(&payload); err != nil {
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	fields, ok := payload.(map[string]interface{})
	if !ok {
		http.Error(w, "payload must be a map", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]interface{}{"name": fields["name"]})
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
