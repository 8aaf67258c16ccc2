// hardgen-expect: none
// hardgen-near-miss: go/untrusted-data-to-external-api
package main

import (
	"log"
	"net/http"
	"sync"
)

var (
	mu    sync.Mutex
	notes []string
)

// addNote is declared in this program, so it is not an external API.
func addNote(text string) {
	mu.Lock()
	defer mu.Unlock()
	notes = append(notes, text)
}

func create(w http.ResponseWriter, r *http.Request) {
	addNote(r.PostFormValue("text"))
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/notes", create)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
