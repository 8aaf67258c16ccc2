// hardgen-expect: go/study/unsafe-deserialization
package main

import (
	"encoding/gob"
	"log"
	"net/http"
)

type job struct {
	Name    string
	Payload interface{}
}

func submit(w http.ResponseWriter, r *http.Request) {
	var j job
	if err := gob.NewDecoder(r.Body).Decode(&j); err != nil {
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	log.Printf("queued job")
	w.WriteHeader(http.StatusAccepted)
}

func main() {
	http.HandleFunc("/jobs", submit)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
