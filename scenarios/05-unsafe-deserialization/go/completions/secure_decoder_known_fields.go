package main

import (
	"io"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	type request struct {
		Name string `yaml:"name"`
	}
	dec := yaml.NewDecoder(http.MaxBytesReader(w, r.Body, maxPayload))
	dec.KnownFields(true)
	var req request
	if err := dec.Decode(&req); err != nil {
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	if req.Name == "" {
		http.Error(w, "field name is required", http.StatusUnprocessableEntity)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, req.Name)
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
