// hardgen-expect: none
// hardgen-near-miss: go/study/weak-hash
package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

var hashes = map[string][]byte{}

func register(w http.ResponseWriter, r *http.Request) {
	hash, err := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), bcrypt.DefaultCost)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	hashes[r.PostFormValue("username")] = hash
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
