// hardgen-expect: none
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
	"strings"
)

func isLocalURL(target string) bool {
	return strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//") && !strings.HasPrefix(target, "/\\")
}

func afterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !isLocalURL(next) {
		next = "/"
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	http.Redirect(w, r, next, http.StatusFound)
}

func main() {
	http.HandleFunc("/after-login", afterLogin)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
