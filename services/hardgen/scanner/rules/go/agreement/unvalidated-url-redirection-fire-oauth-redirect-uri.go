// hardgen-expect: go/unvalidated-url-redirection
package main

import (
	"crypto/rand"
	"encoding/hex"
	"log"
	"net/http"
	"net/url"
)

// authorize sends the user back to the client's redirect_uri with a fresh code.
func authorize(w http.ResponseWriter, r *http.Request) {
	redirectURI := r.FormValue("redirect_uri")
	if redirectURI == "" {
		http.Error(w, "missing redirect_uri", http.StatusBadRequest)
		return
	}
	buf := make([]byte, 16)
	rand.Read(buf)
	target, err := url.Parse(redirectURI)
	if err != nil {
		http.Error(w, "invalid redirect_uri", http.StatusBadRequest)
		return
	}
	q := target.Query()
	q.Set("code", hex.EncodeToString(buf))
	target.RawQuery = q.Encode()
	http.Redirect(w, r, target.String(), http.StatusFound)
}

func main() {
	http.HandleFunc("/authorize", authorize)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
