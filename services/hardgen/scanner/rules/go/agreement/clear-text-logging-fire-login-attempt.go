// hardgen-expect: go/clear-text-logging
package main

import (
	"log"
	"net/http"
)

func login(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	password := r.FormValue("password")
	log.Printf("login attempt user=%q password=%q", username, password)
	if !checkCredentials(username, password) {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("welcome"))
}

func checkCredentials(username, password string) bool {
	return username != "" && len(password) >= 12
}

func main() {
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
