// hardgen-expect: none
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
)

func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", MaxAge: -1, Path: "/"})
	if r.URL.Query().Get("next") == "home" {
		http.Redirect(w, r, "/", http.StatusFound)
		return
	}
	http.Redirect(w, r, "/login", http.StatusFound)
}

func main() {
	http.HandleFunc("/logout", logout)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
