package main

import (
	"fmt"
	"html"
	"io"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	var payload map[string]any
	if err := yaml.NewDecoder(io.LimitReader(r.Body, maxPayload)).Decode(&payload); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	name, _ := payload["name"].(string)
	fmt.Fprintf(w, "<p>name: %s</p>", html.EscapeString(name))
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
