// hardgen-expect: none
// hardgen-near-miss: go/study/weak-hash
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"net/http"
	"os"
)

var signingKey = []byte(os.Getenv("SIGNING_KEY"))

// An HMAC over a session id is message authentication, not password hashing.
func sign(w http.ResponseWriter, r *http.Request) {
	mac := hmac.New(sha256.New, signingKey)
	mac.Write([]byte(r.URL.Query().Get("session")))
	w.Write([]byte(hex.EncodeToString(mac.Sum(nil))))
}

func main() {
	http.HandleFunc("/sign", sign)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
