// hardgen-expect: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"
	"net/url"
	"strings"
)

var clientSecret = "d8f7a6b5c4e3f2a1"

func refresh(w http.ResponseWriter, r *http.Request) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	form.Set("client_id", "reports-service")
	form.Set("client_secret", clientSecret)
	resp, err := http.Post("https://auth.internal/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		http.Error(w, "auth server unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

func main() {
	http.HandleFunc("/refresh", refresh)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
