// hardgen-expect: none
// hardgen-near-miss: go/untrusted-data-to-external-api
package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

// bcrypt.GenerateFromPassword is on CodeQL's safe list of external APIs.
func register(w http.ResponseWriter, r *http.Request) {
	password := r.PostFormValue("password")
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = hash
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
