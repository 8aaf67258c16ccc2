// hardgen-expect: go/study/weak-hash
package main

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"log"
	"net/http"
)

var storedHashes = map[string]string{}

func login(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	user := q.Get("user")
	sum := md5.Sum([]byte(q.Get("pwd")))
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(storedHashes[user])) != 1 {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("welcome"))
}

func main() {
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
