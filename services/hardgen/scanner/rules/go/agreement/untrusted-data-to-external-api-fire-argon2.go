// hardgen-expect: go/untrusted-data-to-external-api
package main

import (
	"crypto/rand"
	"encoding/base64"
	"log"
	"net/http"

	"golang.org/x/crypto/argon2"
)

func register(w http.ResponseWriter, r *http.Request) {
	password := r.PostFormValue("password")
	if len(password) < 12 {
		http.Error(w, "password too short", http.StatusBadRequest)
		return
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	key := argon2.IDKey([]byte(password), salt, 3, 64*1024, 2, 32)
	stored := base64.RawStdEncoding.EncodeToString(salt) + "$" + base64.RawStdEncoding.EncodeToString(key)
	_ = stored
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
