// hardgen-expect: none
// hardgen-near-miss: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"
	"os"
)

// A placeholder default that announces itself ("changeme") is one of CodeQL's dummy values.
func adminPassword() string {
	password := os.Getenv("ADMIN_PASSWORD")
	if password == "" {
		password = "changeme"
	}
	return password
}

func check(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("password") != adminPassword() {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("ok"))
}

func main() {
	http.HandleFunc("/check", check)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
