// hardgen-expect: go/study/weak-hash
package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"net/http"
)

type user struct {
	Salt string
	Hash string
}

var users = map[string]user{}

func register(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("username")
	pw := r.PostFormValue("password")
	salt := make([]byte, 16)
	rand.Read(salt)
	digest := sha256.Sum256(append(salt, []byte(pw)...))
	users[name] = user{Salt: hex.EncodeToString(salt), Hash: hex.EncodeToString(digest[:])}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
