// hardgen-expect: none
// hardgen-near-miss: go/study/unsafe-deserialization
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

type payload struct {
	Name string `yaml:"name"`
	Age  int    `yaml:"age"`
}

func api(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	var p payload
	if err := yaml.Unmarshal(body, &p); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"name": p.Name})
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
