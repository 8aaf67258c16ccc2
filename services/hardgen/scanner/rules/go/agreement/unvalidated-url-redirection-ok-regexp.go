// hardgen-expect: none
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
	"regexp"
)

var localPath = regexp.MustCompile(`^/[a-z0-9/_-]*$`)

func afterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !localPath.MatchString(next) {
		http.Redirect(w, r, "/", http.StatusFound)
		return
	}
	http.Redirect(w, r, next, http.StatusFound)
}

func main() {
	http.HandleFunc("/after-login", afterLogin)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
