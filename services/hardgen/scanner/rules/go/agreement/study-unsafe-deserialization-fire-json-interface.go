// hardgen-expect: go/study/unsafe-deserialization
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

func webhook(w http.ResponseWriter, r *http.Request) {
	var event interface{}
	if err := json.NewDecoder(r.Body).Decode(&event); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	fields, ok := event.(map[string]interface{})
	if !ok {
		http.Error(w, "expected an object", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "received %d fields", len(fields))
}

func main() {
	http.HandleFunc("/webhook", webhook)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
