// hardgen-expect: none
// hardgen-near-miss: go/clear-text-logging
package main

import (
	"log"
	"net/http"
	"os"
)

// CodeQL's Go logging query looks for password names only; "token" and "secret" are not sources.
func startup(w http.ResponseWriter, r *http.Request) {
	apiToken := os.Getenv("API_TOKEN")
	webhookSecret := os.Getenv("WEBHOOK_SECRET")
	log.Printf("configured token=%s secret=%s", apiToken, webhookSecret)
	w.Write([]byte("ok"))
}

func main() {
	http.HandleFunc("/startup", startup)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
