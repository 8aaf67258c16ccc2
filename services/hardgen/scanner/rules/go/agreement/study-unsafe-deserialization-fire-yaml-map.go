// hardgen-expect: go/study/unsafe-deserialization
package main

import (
	"io"
	"log"
	"net/http"

	"gopkg.in/yaml.v3"
)

func importConfig(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	var cfg map[string]interface{}
	if err := yaml.Unmarshal(body, &cfg); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("/import", importConfig)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
