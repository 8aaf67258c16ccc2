// hardgen-expect: none
// hardgen-near-miss: go/clear-text-logging
package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

func register(w http.ResponseWriter, r *http.Request) {
	password := r.PostFormValue("password")
	passwordHash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	log.Printf("stored hash %s (length of password: %d)", passwordHash, len(password))
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
