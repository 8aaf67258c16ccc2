package main

import (
	"fmt"
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
	// ruleid: go-clear-text-logging
	log.Printf("password check result: %v", passwordOK)
}

func logUser(w http.ResponseWriter, r *http.Request) {
	// ok: go-clear-text-logging
	log.Printf("login for %q", r.FormValue("username"))
}

func logSecretAndToken(apiSecret, token string) {
	// ok: go-clear-text-logging
	log.Printf("secret=%s token=%s", apiSecret, token)
}

func logCompareError(w http.ResponseWriter, r *http.Request) {
	password := r.FormValue("password")
	err := bcrypt.CompareHashAndPassword([]byte("stored"), []byte(password))
	// ok: go-clear-text-logging
	log.Printf("login failed: %v", err)
}

func logAuthorization(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-clear-text-logging
	log.Printf("auth header: %s", r.Header.Get("Authorization"))
	// ok: go-clear-text-logging
	log.Printf("agent: %s", r.Header.Get("User-Agent"))
}

func logFormatted(password string) {
	msg := fmt.Sprintf("new password %s", password)
	// ruleid: go-clear-text-logging
	log.Println(msg)
}

func logBypass(bypass bool) {
	// ok: go-clear-text-logging
	log.Printf("bypass=%v", bypass)
}
