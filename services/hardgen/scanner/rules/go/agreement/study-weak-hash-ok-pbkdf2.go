// hardgen-expect: go/untrusted-data-to-external-api
// hardgen-near-miss: go/study/weak-hash
package main

import (
	"crypto/rand"
	"crypto/sha256"
	"log"
	"net/http"

	"golang.org/x/crypto/pbkdf2"
)

// PBKDF2 with many iterations is a slow key derivation; SHA-256 is only its PRF.
func register(w http.ResponseWriter, r *http.Request) {
	salt := make([]byte, 16)
	rand.Read(salt)
	key := pbkdf2.Key([]byte(r.PostFormValue("password")), salt, 600000, 32, sha256.New)
	_ = key
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
