// hardgen-expect: none
// hardgen-near-miss: go/clear-text-logging
package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

var storedHash = []byte("$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z2mHx6iN1zE0b8e8S8u4rG2S")

// The error returned by bcrypt carries no password.
func login(w http.ResponseWriter, r *http.Request) {
	password := r.PostFormValue("password")
	if err := bcrypt.CompareHashAndPassword(storedHash, []byte(password)); err != nil {
		log.Printf("login failed: %v", err)
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("welcome"))
}

func main() {
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
