package main

import (
	"encoding/gob"
	"io"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	// envelope is the wire format: a name plus an arbitrary registered value.
	type envelope struct {
		Name string
		Data interface{}
	}
	var env envelope
	dec := gob.NewDecoder(http.MaxBytesReader(w, r.Body, maxPayload))
	if err := dec.Decode(&env); err != nil {
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, env.Name)
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
