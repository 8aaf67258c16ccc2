package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

func logBoth(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	password := r.FormValue("password")
	// ruleid: go-clear-text-logging
	log.Printf("login attempt: %s / %s", username, password)
}

type creds struct{ User, Password string }

func logField(c creds) {
	// ruleid: go-clear-text-logging
	log.Println("registering", c.User, c.Password)
}

func logHash(w http.ResponseWriter, r *http.Request) {
	hash, _ := bcrypt.GenerateFromPassword([]byte(r.FormValue("password")), bcrypt.DefaultCost)
	// ok: go-clear-text-logging
	log.Printf("stored hash of length %d", len(hash))
}

func logFlag(ok bool) {
	passwordOK := ok
	// ok: go-clear-text-logging
	log.Printf("password check result: %v", passwordOK)
}

func logUser(w http.ResponseWriter, r *http.Request) {
	// ok: go-clear-text-logging
	log.Printf("login for %q", r.FormValue("username"))
}
