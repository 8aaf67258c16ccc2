// hardgen-expect: none
// hardgen-near-miss: go/study/weak-hash
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"strings"
)

// A SHA-256 of the e-mail address (a Gravatar-style identifier) is not password storage.
func avatarURL(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("email")))
	sum := sha256.Sum256([]byte(email))
	fmt.Fprintf(w, "https://avatars.example.com/%s", hex.EncodeToString(sum[:]))
}

func main() {
	http.HandleFunc("/avatar", avatarURL)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
