// hardgen-expect: none
// hardgen-near-miss: go/clear-text-logging
package main

import (
	"log"
	"net/http"
)

// Only the user name is logged; CodeQL does not count user names as clear-text secrets here.
func login(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	password := r.FormValue("password")
	if username == "" || password == "" {
		http.Error(w, "missing credentials", http.StatusBadRequest)
		return
	}
	log.Printf("login attempt for %q", username)
	w.Write([]byte("ok"))
}

func main() {
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
