// hardgen-expect: none
// hardgen-near-miss: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"
)

// "token" and "apiKey" are not among CodeQL's Go sensitive names (secret, password, username...).
const apiToken = "tk_4f9a8b7c6d5e"

func proxy(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, "https://api.example.com/v1/status", nil)
	if err != nil {
		http.Error(w, "request error", http.StatusInternalServerError)
		return
	}
	req.Header.Set("Authorization", "Bearer "+apiToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

func main() {
	http.HandleFunc("/status", proxy)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
