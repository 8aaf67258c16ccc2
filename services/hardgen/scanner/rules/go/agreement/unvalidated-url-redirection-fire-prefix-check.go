// hardgen-expect: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
	"strings"
)

// A strings.HasPrefix(next, "/") check is not a barrier in CodeQL's Go query (and "//evil.com"
// passes it anyway).
func afterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound)
}

func main() {
	http.HandleFunc("/after-login", afterLogin)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
